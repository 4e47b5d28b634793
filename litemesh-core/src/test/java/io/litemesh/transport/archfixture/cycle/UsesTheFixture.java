/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.archfixture.cycle;

import io.litemesh.transport.archfixture.TransportReachingIntoRouting;

/**
 * The other half of the package cycle of {@link TransportReachingIntoRouting}.
 */
public final class UsesTheFixture {

	private final TransportReachingIntoRouting fixture = new TransportReachingIntoRouting();

	/**
	 * Return a peer id.
	 * @return the id
	 */
	public String peer() {
		return this.fixture.toString();
	}

}
