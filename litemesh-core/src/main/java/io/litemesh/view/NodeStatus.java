/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

/**
 * How this node sees another node of the mesh.
 *
 * @author LiteMesh team
 */
public enum NodeStatus {

	/** Reachable over a path of links that both ends confirm. */
	UP,

	/** Reachable, but its advertisement is overdue: it may be failing. */
	SUSPECT,

	/** Said it is leaving; no longer routed to. */
	LEAVING,

	/** No longer reachable; its advertisement is kept until it ages out. */
	DOWN

}
