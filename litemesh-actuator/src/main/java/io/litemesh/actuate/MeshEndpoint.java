/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import com.fasterxml.jackson.annotation.JsonValue;
import io.litemesh.MeshNode;
import io.litemesh.MeshTimeoutException;
import io.litemesh.view.MeshDescription;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStateDescription;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows the mesh as the local node sees it: the node
 * itself, every known node, the links between them and the services they offer, and the
 * state of any one node, fetched through the mesh.
 *
 * @author LiteMesh team
 */
@Endpoint(id = "mesh")
public class MeshEndpoint {

	private final MeshNode node;

	/**
	 * Create a new endpoint.
	 * @param node the local node
	 */
	public MeshEndpoint(MeshNode node) {
		this.node = node;
	}

	/**
	 * Describe the mesh as the local node sees it.
	 * @return the local node, every known node, the links and the services
	 */
	@ReadOperation
	public MeshDescriptor mesh() {
		return new MeshDescriptor(MeshDescription.of(this.node.snapshot()));
	}

	/**
	 * Describe one node and its health as that node reports them, through the mesh when
	 * it is not the local node. Blocks for at most the node's request timeout.
	 * @param nodeId the id of the node
	 * @return the node and its health, or {@code null} when no node of that id is known
	 * @throws io.litemesh.NoRouteException when the node is known but unreachable
	 * @throws MeshTimeoutException when the node does not answer in time
	 */
	@ReadOperation
	public @Nullable NodeStateDescriptor node(@Selector String nodeId) {
		if (!isKnown(nodeId)) {
			return null;
		}
		// the node applies the request timeout itself
		NodeState state = this.node.nodeState(nodeId).block();
		return (state != null) ? new NodeStateDescriptor(NodeStateDescription.of(state)) : null;
	}

	private boolean isKnown(String nodeId) {
		return this.node.nodeId().equals(nodeId)
				|| this.node.snapshot().nodes().stream().anyMatch((candidate) -> candidate.id().equals(nodeId));
	}

	/**
	 * The mesh as one node sees it, serialized as the core's description, which the
	 * built-in route {@code mesh.snapshot} answers too.
	 *
	 * @param description the description
	 */
	public record MeshDescriptor(@JsonValue MeshDescription description) implements OperationResponseBody {

	}

	/**
	 * One node and its health, as the node itself reports them, serialized as the core's
	 * description, which the built-in route {@code mesh.node} answers too.
	 *
	 * @param description the description
	 */
	public record NodeStateDescriptor(@JsonValue NodeStateDescription description) implements OperationResponseBody {

	}

}
