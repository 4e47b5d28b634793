/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.inventory;

import io.litemesh.MeshContext;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Stock levels, served by the warehouse node: it has no TCP port and no seeds, so every
 * call reaches it through the mailbox table of the database the nodes share.
 *
 * @author LiteMesh team
 */
@MeshService(name = "inventory", version = "1")
@ConditionalOnBooleanProperty("demo.inventory.enabled")
public class InventoryService {

	private final MeshOperations mesh;

	/**
	 * Create the service.
	 * @param mesh the mesh, to name this node in answers
	 */
	public InventoryService(MeshOperations mesh) {
		this.mesh = mesh;
	}

	/**
	 * Return the stock of a product; the figure is derived from the SKU so the demo needs
	 * no data.
	 * @param sku the product
	 * @param context the call
	 * @return the stock
	 */
	public Stock stock(String sku, MeshContext context) {
		return new Stock(sku, Math.floorMod(sku.hashCode(), 90) + 10, this.mesh.nodeId(), context.hops());
	}

}
