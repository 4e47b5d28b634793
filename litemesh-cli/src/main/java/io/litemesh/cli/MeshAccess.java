/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * What the commands ask of the mesh, however the CLI reached it: as a stock client of one
 * node ({@link StockClient}) or as a transient member ({@link MemberSession}). Every
 * blocking method returns within the command's {@code --timeout} or throws.
 *
 * @author LiteMesh team
 */
interface MeshAccess extends AutoCloseable {

	/**
	 * Return the mesh as the node sees it.
	 * @return the document of {@code GET /actuator/mesh}
	 */
	JsonNode snapshot();

	/**
	 * Return the state of any node, fetched through the mesh.
	 * @param nodeId the node
	 * @return the document of {@code GET /actuator/mesh/{nodeId}}
	 */
	JsonNode node(String nodeId);

	/**
	 * Request-response with whichever node offers the service.
	 * @param route the service and endpoint
	 * @param payload the JSON payload, {@code null} for none
	 * @return the reply, {@code null} when the endpoint returned nothing
	 */
	@Nullable JsonNode call(Route route, @Nullable JsonNode payload);

	/**
	 * Fire-and-forget to whichever node offers the service.
	 * @param route the service and endpoint
	 * @param payload the JSON payload, {@code null} for none
	 */
	void send(Route route, @Nullable JsonNode payload);

	/**
	 * Request-stream from whichever node offers the service, with back-pressure: the node
	 * sends what the subscriber asks for.
	 * @param route the service and endpoint
	 * @param payload the JSON payload, {@code null} for none
	 * @return the elements
	 */
	Flux<JsonNode> stream(Route route, @Nullable JsonNode payload);

	/**
	 * Leave: close the connection, or stop the transient member. Safe to call more than
	 * once and from another thread, as Ctrl+C does.
	 */
	@Override
	void close();

}
