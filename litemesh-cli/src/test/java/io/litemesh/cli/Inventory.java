/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import io.litemesh.MeshService;

/**
 * A second service for the CLI's tests, on another node than the {@link Greeter}.
 *
 * @author LiteMesh team
 */
@MeshService("inventory")
class Inventory {

	public int stock(String sku) {
		return 7;
	}

}
