/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.List;
import java.util.Map;

/**
 * The counters of one node at one moment: cheap to read, for meters.
 *
 * @param peersKnown other nodes this node knows of
 * @param peersReachable other nodes this node can reach
 * @param links links this node holds to its neighbours, of every transport
 * @param messagesSent messages this node handed to its links, relayed ones included
 * @param hopLimitDrops messages dropped at the hop limit
 * @param malformedMessages messages that could not be read
 * @param droppedAdvertisements advertisements dropped as malformed, oversized or foreign
 * @param refusedConnections connections refused: wrong cluster, protocol or secret proof
 * @param deniedCalls calls to this node's services that its access rules
 * ({@code litemesh.security.access.*}) denied
 * @param refusals what this node refused for its safety, by reason (such as
 * {@code proof}, {@code forged-advertisement}); every reason is present
 * @param peers per other known node: requests in flight to it, failed calls by error
 * code, and the round trip of each link to it
 * @param membershipMessages membership messages (advertisements, digests) this node sent
 * its neighbours: what keeping the mesh's graph current costs it
 * @param membershipBytes the bytes of JSON those messages carried
 * @param routeComputations how many times this node computed its routes, coalesced over
 * bursts of changes
 * @author LiteMesh team
 */
public record NodeStatistics(long peersKnown, long peersReachable, int links, long messagesSent, long hopLimitDrops,
		long malformedMessages, long droppedAdvertisements, long refusedConnections, long deniedCalls,
		Map<String, Long> refusals, List<PeerStatistics> peers, long membershipMessages, long membershipBytes,
		long graphChanges, long routeComputations) {

	/**
	 * Copy the refusals and the peers.
	 */
	public NodeStatistics {
		refusals = Map.copyOf(refusals);
		peers = List.copyOf(peers);
	}

}
