/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.litemesh.membership.LinkStateDatabase;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.routing.RouteTable;
import io.litemesh.transport.tcp.PeerDirectory;

/**
 * Answers the TCP dialler from the link-state database and the routes, so the transport
 * needs neither.
 *
 * @author LiteMesh team
 */
final class MembershipPeerDirectory implements PeerDirectory {

	private final LinkStateDatabase database;

	private final RouteTable routeTable;

	MembershipPeerDirectory(LinkStateDatabase database, RouteTable routeTable) {
		this.database = database;
		this.routeTable = routeTable;
	}

	@Override
	public Collection<Peer> peers() {
		List<NodeAdvertisement> advertisements = this.database.advertisements();
		List<Peer> peers = new ArrayList<>(advertisements.size());
		for (NodeAdvertisement advertisement : advertisements) {
			peers.add(new Peer(advertisement.nodeId(), advertisement.addresses(), advertisement.links().size(),
					advertisement.leaving()));
		}
		return peers;
	}

	@Override
	public boolean isReachable(String nodeId) {
		return this.routeTable.isReachable(nodeId);
	}

	@Override
	public int degree(String nodeId) {
		LinkStateDatabase.Entry entry = this.database.get(nodeId);
		return (entry != null) ? entry.advertisement().links().size() : 0;
	}

}
