/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

/**
 * What a node reports about itself when queried through the mesh: its description and
 * health.
 *
 * @param node the node as it sees itself
 * @param health its health
 * @author LiteMesh team
 */
public record NodeState(NodeView node, NodeHealth health) {
}
