/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.util.function.Function;
import java.util.function.Supplier;

import io.litemesh.routing.MeshQueries;
import io.litemesh.view.MeshDescription;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStateDescription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in service {@code mesh} of a node: its views, written as the same JSON
 * documents the Actuator endpoint serves.
 *
 * @author LiteMesh team
 */
final class NodeQueries implements MeshQueries {

	private final Supplier<MeshSnapshot> snapshot;

	private final Function<String, Mono<NodeState>> nodeState;

	private final JsonMapper mapper;

	NodeQueries(Supplier<MeshSnapshot> snapshot, Function<String, Mono<NodeState>> nodeState, JsonMapper mapper) {
		this.snapshot = snapshot;
		this.nodeState = nodeState;
		this.mapper = mapper;
	}

	@Override
	public byte[] snapshot() {
		return this.mapper.writeValueAsBytes(MeshDescription.of(this.snapshot.get()));
	}

	@Override
	public Mono<byte[]> node(String nodeId) {
		return this.nodeState.apply(nodeId)
			.map((state) -> this.mapper.writeValueAsBytes(NodeStateDescription.of(state)));
	}

}
