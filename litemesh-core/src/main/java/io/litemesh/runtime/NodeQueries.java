/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.util.function.Supplier;

import io.litemesh.MeshSettings;
import io.litemesh.MeshTimeoutException;
import io.litemesh.NoRouteException;
import io.litemesh.routing.MeshQueries;
import io.litemesh.routing.RouteTable;
import io.litemesh.routing.Router;
import io.litemesh.view.MeshDescription;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStateDescription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a node tells of the mesh: its snapshot, and any node's state fetched through the
 * mesh, for the application ({@link io.litemesh.MeshNode#nodeState}) and, as the JSON
 * documents the Actuator endpoint serves, for stock clients through the built-in service
 * {@code mesh}.
 *
 * @author LiteMesh team
 */
final class NodeQueries implements MeshQueries {

	private final MeshSettings settings;

	private final Supplier<MeshSnapshot> snapshot;

	private final Supplier<NodeState> localState;

	private final RouteTable routeTable;

	private final Router router;

	private final JsonMapper mapper;

	NodeQueries(MeshSettings settings, Supplier<MeshSnapshot> snapshot, Supplier<NodeState> localState,
			RouteTable routeTable, Router router, JsonMapper mapper) {
		this.settings = settings;
		this.snapshot = snapshot;
		this.localState = localState;
		this.routeTable = routeTable;
		this.router = router;
		this.mapper = mapper;
	}

	/**
	 * Return the state of any node, fetched through the mesh.
	 * @param nodeId the node
	 * @return its state; {@link NoRouteException} for an unknown node,
	 * {@link MeshTimeoutException} when it does not answer in time
	 */
	Mono<NodeState> nodeState(String nodeId) {
		String localId = this.settings.nodeId();
		if (nodeId.equals(localId)) {
			return Mono.fromSupplier(this.localState);
		}
		return Mono.defer(() -> {
			if (this.routeTable.advertisement(nodeId) == null) {
				return Mono.error(new NoRouteException("Node '" + nodeId + "' is unknown to node " + localId));
			}
			return this.router.nodeState(nodeId)
				.map((json) -> this.mapper.readValue(json, NodeState.class))
				.timeout(this.settings.requestTimeout(), Mono.error(() -> new MeshTimeoutException(
						"Node '" + nodeId + "' did not report its state within " + this.settings.requestTimeout())));
		});
	}

	@Override
	public byte[] snapshot() {
		return this.mapper.writeValueAsBytes(MeshDescription.of(this.snapshot.get()));
	}

	@Override
	public Mono<byte[]> node(String nodeId) {
		return nodeState(nodeId).map((state) -> this.mapper.writeValueAsBytes(NodeStateDescription.of(state)));
	}

}
