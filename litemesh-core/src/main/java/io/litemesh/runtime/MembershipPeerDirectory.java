/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.litemesh.discovery.MulticastBeacons;
import io.litemesh.membership.LinkStateDatabase;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.routing.RouteTable;
import io.litemesh.transport.PeerDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Answers the TCP dialler from the link-state database and the routes, so the transport
 * needs neither.
 *
 * @author LiteMesh team
 */
final class MembershipPeerDirectory implements PeerDirectory {

	private final LinkStateDatabase database;

	private final RouteTable routeTable;

	private final @Nullable MulticastBeacons beacons;

	MembershipPeerDirectory(LinkStateDatabase database, RouteTable routeTable, @Nullable MulticastBeacons beacons) {
		this.database = database;
		this.routeTable = routeTable;
		this.beacons = beacons;
	}

	@Override
	public Collection<Peer> discovered() {
		MulticastBeacons heard = this.beacons;
		if (heard == null) {
			return List.of();
		}
		return heard.heard().stream().map((node) -> new Peer(node.nodeId(), node.addresses(), 0, false)).toList();
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
