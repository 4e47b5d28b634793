/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

/**
 * The failover and delivery scenarios over a shared directory.
 */
class FileFailoverTests extends AbstractDurableFailoverTests {

	@Override
	protected DurableMedium medium() {
		return new FileMedium();
	}

}
