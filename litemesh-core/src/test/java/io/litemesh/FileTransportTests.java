/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

/**
 * The transport scenarios over a shared directory.
 */
class FileTransportTests extends AbstractTransportScenarioTests {

	@Override
	protected TransportFixture fixture() {
		return new FileMedium();
	}

}
