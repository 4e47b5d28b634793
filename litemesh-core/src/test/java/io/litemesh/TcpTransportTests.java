/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.function.Consumer;

import io.litemesh.test.TestMesh;

/**
 * The transport scenarios over RSocket TCP: nodes on ephemeral loopback ports that join
 * through the first node's address, as {@link TestMesh} starts them.
 */
class TcpTransportTests extends AbstractTransportScenarioTests {

	@Override
	protected TransportFixture fixture() {
		return new TransportFixture() {

			@Override
			public Consumer<MeshNode.Builder> node() {
				return (builder) -> {
				};
			}

			@Override
			public String transport() {
				return "tcp";
			}

			@Override
			public boolean durable() {
				return false;
			}

		};
	}

}
