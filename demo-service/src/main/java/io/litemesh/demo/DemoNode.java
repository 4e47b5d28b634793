/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The nodes of the demo mesh and what each one runs: a gateway with the HTTP API, and two
 * catalogue nodes in two regions, the second of which also prices.
 * <p>
 * Each node listens on the base ports plus its {@linkplain #offset() offset}, and every
 * node but the gateway joins the mesh through the gateway, so they can start in any
 * order.
 *
 * @author LiteMesh team
 */
public enum DemoNode {

	/** The HTTP API; it offers no service and calls the others. */
	GATEWAY("gateway", 0, null, false, true, false),

	/** The {@code catalog} service for region {@code eu}. */
	CATALOG_1("catalog-1", 1, "eu", false, false, false),

	/**
	 * The {@code catalog} service for region {@code us} and the {@code pricing} service.
	 */
	CATALOG_2("catalog-2", 2, "us", true, false, false),

	/**
	 * The {@code inventory} service, on a node without a TCP port or seeds: the others
	 * reach it only through the database they share (the JDBC-table transport).
	 */
	WAREHOUSE("warehouse", 3, null, false, false, true);

	private final String id;

	private final int offset;

	private final @Nullable String catalogRegion;

	private final boolean pricing;

	private final boolean gateway;

	private final boolean databaseOnly;

	DemoNode(String id, int offset, @Nullable String catalogRegion, boolean pricing, boolean gateway,
			boolean databaseOnly) {
		this.id = id;
		this.offset = offset;
		this.catalogRegion = catalogRegion;
		this.pricing = pricing;
		this.gateway = gateway;
		this.databaseOnly = databaseOnly;
	}

	/**
	 * Return whether the node has TCP off and is reached through the shared database
	 * only.
	 * @return {@code true} for the warehouse
	 */
	public boolean databaseOnly() {
		return this.databaseOnly;
	}

	/**
	 * Return the node id, which is also the value of {@code demo.node} that runs this
	 * node alone.
	 * @return the node id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return what this node adds to the base HTTP and TCP ports.
	 * @return the port offset
	 */
	public int offset() {
		return this.offset;
	}

	/**
	 * Return the properties that make an instance of the demo application this node.
	 * @param httpPort the HTTP port, {@code 0} for any free one
	 * @param tcpPort the mesh's TCP port, {@code 0} for any free one
	 * @param seed the {@code host:port} of the gateway to join through, {@code null} for
	 * none
	 * @return the properties
	 */
	Map<String, Object> properties(int httpPort, int tcpPort, @Nullable String seed) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("litemesh.node-id", this.id);
		properties.put("server.port", httpPort);
		properties.put("litemesh.tcp.enabled", !this.databaseOnly);
		if (!this.databaseOnly) {
			properties.put("litemesh.tcp.port", tcpPort);
			if (seed != null) {
				properties.put("litemesh.seeds", seed);
			}
		}
		properties.put("demo.inventory.enabled", this.databaseOnly);
		properties.put("demo.gateway.enabled", this.gateway);
		properties.put("demo.pricing.enabled", this.pricing);
		if (this.catalogRegion != null) {
			properties.put("demo.catalog.region", this.catalogRegion);
		}
		return properties;
	}

	/**
	 * Return the node with the given id.
	 * @param id the node id, such as {@code catalog-1}
	 * @return the node
	 * @throws IllegalArgumentException when no node has that id
	 */
	public static DemoNode of(String id) {
		return Arrays.stream(values())
			.filter((node) -> node.id.equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo node '" + id + "'; demo.node must be one of "
					+ Arrays.stream(values()).map(DemoNode::id).collect(Collectors.joining(", "))
					+ ", or unset to run all of them"));
	}

}
