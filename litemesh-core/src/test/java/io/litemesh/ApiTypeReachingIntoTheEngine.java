/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.routing.Router;

/**
 * Breaks the architecture on purpose: an API type that uses the engine. Only
 * {@link ArchitectureTests} imports it, to show that the rules catch it.
 */
final class ApiTypeReachingIntoTheEngine {

	long sent(Router router) {
		return router.statistics().messagesSent();
	}

}
