/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

/**
 * One node and its health as the node itself reports them, in the shape of the JSON that
 * {@code GET /actuator/mesh/{nodeId}} and the built-in route {@code mesh.node} answer.
 *
 * @param node the node
 * @param health its health: {@code status} and details
 * @author LiteMesh team
 */
public record NodeStateDescription(MeshDescription.NodeDescription node, NodeHealth health) {

	/**
	 * Describe a node's state.
	 * @param state the state the node reported
	 * @return its description
	 */
	public static NodeStateDescription of(NodeState state) {
		return new NodeStateDescription(MeshDescription.NodeDescription.of(state.node()), state.health());
	}

}
