/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import reactor.core.publisher.Mono;

/**
 * What the built-in service {@code mesh} answers stock clients: the JSON documents of
 * {@code GET /actuator/mesh} ({@code mesh.snapshot}) and {@code GET /actuator/mesh/{id}}
 * ({@code mesh.node}), so any RSocket client can see the mesh the way the Actuator
 * endpoint shows it.
 *
 * @author LiteMesh team
 */
public interface MeshQueries {

	/**
	 * Return the mesh as this node sees it.
	 * @return the JSON of {@code GET /actuator/mesh}
	 */
	byte[] snapshot();

	/**
	 * Return the state of any node, fetched through the mesh.
	 * @param nodeId the node
	 * @return the JSON of {@code GET /actuator/mesh/{nodeId}}; a
	 * {@link io.litemesh.NoRouteException} for an unknown node
	 */
	Mono<byte[]> node(String nodeId);

}
