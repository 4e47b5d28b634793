/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.function.Consumer;

import io.litemesh.test.TestMesh;

import io.litemesh.test.TestMesh;

/**
 * How the nodes of the shared transport scenarios reach each other: what a transport's
 * test subclass of {@link AbstractTransportScenarioTests} says, as rsocket-java's
 * {@code TransportTest} asks each transport for its client and server.
 *
 * @author LiteMesh team
 */
interface TransportFixture {

	/**
	 * Prepare what the nodes share, empty.
	 * @throws Exception when it cannot be made
	 */
	default void create() throws Exception {
	}

	/**
	 * Remove what the nodes shared.
	 * @throws Exception when it cannot be removed
	 */
	default void drop() throws Exception {
	}

	/**
	 * Return an empty mesh to start the scenario's nodes in.
	 * @return a TCP mesh unless the transport links its nodes otherwise
	 */
	default TestMesh mesh() {
		return TestMesh.tcp();
	}

	/**
	 * Return how to build one more node so that it reaches the others through this
	 * transport only. {@link TestMesh} already gives every node an ephemeral TCP port and
	 * the first node's address as its seed.
	 * @return the builder customizer
	 */
	Consumer<MeshNode.Builder> node();

	/**
	 * Return the transport the links show in the graph.
	 * @return {@code tcp}, {@code memory}, {@code file} or {@code jdbc}
	 */
	String transport();

	/**
	 * Return whether the transport is a durable mailbox, which reports a health entry of
	 * its own and gives nodes no dialable address.
	 * @return {@code true} for the mailbox transports
	 */
	boolean durable();

}
