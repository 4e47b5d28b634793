/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

/**
 * The durable-transport scenarios over a shared directory.
 */
class FileTransportTests extends AbstractDurableTransportTests {

	@Override
	protected DurableMedium medium() {
		return new FileMedium();
	}

}
