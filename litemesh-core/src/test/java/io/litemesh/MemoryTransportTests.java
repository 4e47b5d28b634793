/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.function.Consumer;

import io.litemesh.test.TestMesh;

/**
 * The transport scenarios over in-memory links: nodes with TCP off that join one
 * {@link io.litemesh.transport.memory.MemoryNetwork}, as {@link TestMesh#inMemory()}
 * starts them.
 */
class MemoryTransportTests extends AbstractTransportScenarioTests {

	@Override
	protected TransportFixture fixture() {
		return new TransportFixture() {

			@Override
			public TestMesh mesh() {
				return TestMesh.inMemory();
			}

			@Override
			public Consumer<MeshNode.Builder> node() {
				return (builder) -> {
				};
			}

			@Override
			public String transport() {
				return "memory";
			}

			@Override
			public boolean durable() {
				return false;
			}

		};
	}

}
