/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import java.util.Collection;
import java.util.List;

/**
 * What the {@link LinkDialler} of a transport knows of the mesh: the peers it may dial
 * and whether they are reachable. The node's runtime answers it from membership and
 * routes, so the transport depends on neither.
 *
 * @author LiteMesh team
 */
public interface PeerDirectory {

	/**
	 * Return every known peer, this node included.
	 * @return the peers
	 */
	Collection<Peer> peers();

	/**
	 * Return whether a node is reachable over links both ends confirm.
	 * @param nodeId the node
	 * @return {@code true} when routed to
	 */
	boolean isReachable(String nodeId);

	/**
	 * Return how many links a node advertises.
	 * @param nodeId the node
	 * @return the count, {@code 0} for an unknown node
	 */
	int degree(String nodeId);

	/**
	 * Return the nodes heard of outside the mesh (multicast beacons): the dialler dials
	 * them as it dials seeds, until they are reachable.
	 * @return the nodes, their degree unknown ({@code 0})
	 */
	default Collection<Peer> discovered() {
		return List.of();
	}

	/**
	 * A peer as its advertisement describes it.
	 *
	 * @param nodeId the peer's id
	 * @param addresses the URIs it may be dialled at
	 * @param degree how many links it advertises
	 * @param leaving whether it leaves the mesh
	 */
	record Peer(String nodeId, List<String> addresses, int degree, boolean leaving) {
	}

}
