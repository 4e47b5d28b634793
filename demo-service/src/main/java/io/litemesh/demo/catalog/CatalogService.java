/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.litemesh.MeshContext;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The {@code catalog} service: finds and lists products with their stock in one region,
 * and keeps a cache of what it has served that callers invalidate by broadcast.
 * <p>
 * Every public method is an endpoint: {@link #find find}, {@link #list list},
 * {@link #invalidate invalidate} and {@link #info info}. This class is not itself a
 * service: {@code @MeshService} tags are constants, so each region has its own small
 * subclass, {@link Eu} and {@link Us}, chosen by the {@code demo.catalog.region}
 * property.
 *
 * @author LiteMesh team
 */
public class CatalogService {

	private static final Log logger = LogFactory.getLog(CatalogService.class);

	private static final Map<String, Item> ITEMS = Map.of("sku-1", new Item("Espresso machine", "machines"), "sku-2",
			new Item("Burr grinder", "grinders"), "sku-3", new Item("Milk jug", "accessories"), "sku-4",
			new Item("Pour-over kettle", "accessories"), "sku-5", new Item("Coffee scale", "accessories"));

	private final String region;

	private final Map<String, Integer> stock;

	private final MeshOperations mesh;

	private final ConcurrentMap<String, Product> cache = new ConcurrentHashMap<>();

	/**
	 * Create a catalogue for one region.
	 * @param region the region
	 * @param stock the units in stock by SKU
	 * @param mesh the mesh, to name this node in answers
	 */
	protected CatalogService(String region, Map<String, Integer> stock, MeshOperations mesh) {
		this.region = region;
		this.stock = Map.copyOf(stock);
		this.mesh = mesh;
	}

	/**
	 * Find a product.
	 * @param sku the SKU
	 * @param context the call, logged to show where it came from
	 * @return the product, or {@code null} (an empty reply) when there is none
	 */
	public @Nullable Product find(String sku, MeshContext context) {
		if (logger.isDebugEnabled()) {
			logger.debug(this.mesh.nodeId() + " finds " + sku + " for " + context.callerNodeId() + " (" + context.hops()
					+ " hops)");
		}
		return lookUp(sku);
	}

	/**
	 * List every product.
	 * @return the products, sorted by SKU
	 */
	public List<Product> list() {
		return ITEMS.keySet().stream().sorted().map(this::lookUp).toList();
	}

	/**
	 * Drop a product from the cache, so the next lookup reads it afresh. Callers
	 * broadcast this to every catalogue node.
	 * @param sku the SKU
	 * @param context the call, logged to show that the broadcast reached this node
	 */
	public void invalidate(String sku, MeshContext context) {
		boolean evicted = this.cache.remove(sku) != null;
		logger.info(this.mesh.nodeId() + " (" + this.region + ") " + (evicted ? "evicted " : "had not cached ") + sku
				+ " on request of " + context.callerNodeId());
	}

	/**
	 * Describe this catalogue node.
	 * @return its id, region, size and cached SKUs
	 */
	public CatalogInfo info() {
		return new CatalogInfo(this.mesh.nodeId(), this.region, ITEMS.size(),
				this.cache.keySet().stream().sorted().toList());
	}

	private @Nullable Product lookUp(String sku) {
		Item item = ITEMS.get(sku);
		if (item == null) {
			return null;
		}
		return this.cache.computeIfAbsent(sku, (key) -> new Product(key, item.name(), item.category(), this.region,
				this.stock.getOrDefault(key, 0), this.mesh.nodeId()));
	}

	private record Item(String name, String category) {

	}

	/**
	 * The catalogue of region {@code eu}.
	 */
	@MeshService(name = "catalog", version = "1", tags = "region=eu")
	@ConditionalOnProperty(name = "demo.catalog.region", havingValue = "eu")
	public static class Eu extends CatalogService {

		/**
		 * Create the catalogue.
		 * @param mesh the mesh
		 */
		public Eu(MeshOperations mesh) {
			super("eu", Map.of("sku-1", 12, "sku-2", 30, "sku-3", 0, "sku-4", 7, "sku-5", 22), mesh);
		}

	}

	/**
	 * The catalogue of region {@code us}.
	 */
	@MeshService(name = "catalog", version = "1", tags = "region=us")
	@ConditionalOnProperty(name = "demo.catalog.region", havingValue = "us")
	public static class Us extends CatalogService {

		/**
		 * Create the catalogue.
		 * @param mesh the mesh
		 */
		public Us(MeshOperations mesh) {
			super("us", Map.of("sku-1", 4, "sku-2", 18, "sku-3", 50, "sku-4", 0, "sku-5", 9), mesh);
		}

	}

}
