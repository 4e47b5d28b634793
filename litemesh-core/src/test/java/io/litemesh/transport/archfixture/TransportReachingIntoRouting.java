/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.archfixture;

import io.litemesh.routing.Router;
import io.litemesh.transport.archfixture.cycle.UsesTheFixture;

/**
 * Breaks the architecture on purpose: sits where a transport would and reaches into
 * routing, and forms a package cycle with {@link UsesTheFixture}. Only
 * {@code ArchitectureTests} imports it, to show that the rules catch it.
 */
public final class TransportReachingIntoRouting {

	int load(Router router, UsesTheFixture other) {
		return router.load(other.peer());
	}

}
