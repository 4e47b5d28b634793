/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.litemesh.membership.LinkInfo;
import io.litemesh.membership.LinkStateDatabase;
import io.litemesh.membership.Membership;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.view.LinkView;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import io.litemesh.view.ServiceInfo;

/**
 * The mesh as this node sees it, as the read-only views of {@code io.litemesh.view}: the
 * link-state database joined with the routes, so each node has its status, next hop and
 * hop count.
 *
 * @author LiteMesh team
 */
public final class MeshViews {

	private final String localId;

	private final String cluster;

	private final Duration advertiseInterval;

	private final Clock clock;

	private final Membership membership;

	private final RouteTable routeTable;

	private final Supplier<List<String>> addresses;

	private final Supplier<List<ServiceInfo>> services;

	/**
	 * Create the views of one node.
	 * @param localId the id of the local node
	 * @param cluster the cluster of the local node
	 * @param advertiseInterval how often nodes refresh their advertisements: one overdue
	 * by two and a half intervals is suspect
	 * @param clock the node's clock
	 * @param membership the membership, for the database
	 * @param routeTable the routes
	 * @param addresses the local node's addresses, for the view of a node not yet
	 * advertised
	 * @param services the local node's services, likewise
	 */
	public MeshViews(String localId, String cluster, Duration advertiseInterval, Clock clock, Membership membership,
			RouteTable routeTable, Supplier<List<String>> addresses, Supplier<List<ServiceInfo>> services) {
		this.localId = localId;
		this.cluster = cluster;
		this.advertiseInterval = advertiseInterval;
		this.clock = clock;
		this.membership = membership;
		this.routeTable = routeTable;
		this.addresses = addresses;
		this.services = services;
	}

	/**
	 * Return the status of a node as this node sees it.
	 * @param entry the node's database entry
	 * @param routes the current routes
	 * @return the status
	 */
	NodeStatus status(LinkStateDatabase.Entry entry, Routes routes) {
		NodeAdvertisement advertisement = entry.advertisement();
		if (advertisement.nodeId().equals(this.localId)) {
			return this.membership.isLeaving() ? NodeStatus.LEAVING : NodeStatus.UP;
		}
		if (advertisement.leaving()) {
			return NodeStatus.LEAVING;
		}
		if (!routes.isReachable(advertisement.nodeId())) {
			return NodeStatus.DOWN;
		}
		Duration overdue = this.advertiseInterval.multipliedBy(5).dividedBy(2);
		Instant limit = this.clock.instant().minus(overdue);
		return entry.receivedAt().isBefore(limit) ? NodeStatus.SUSPECT : NodeStatus.UP;
	}

	/**
	 * Return a consistent view of the mesh.
	 * @return the snapshot
	 */
	public MeshSnapshot snapshot() {
		Routes current = this.routeTable.routes();
		LinkStateDatabase database = this.membership.database();
		List<NodeView> nodes = new ArrayList<>();
		TreeMap<String, LinkView> linkViews = new TreeMap<>();
		NodeView local = null;
		List<LinkStateDatabase.Entry> entries = new ArrayList<>(database.entries());
		entries.sort((a, b) -> a.advertisement().nodeId().compareTo(b.advertisement().nodeId()));
		for (LinkStateDatabase.Entry entry : entries) {
			NodeAdvertisement advertisement = entry.advertisement();
			NodeView view = view(entry, current);
			nodes.add(view);
			if (view.id().equals(this.localId)) {
				local = view;
			}
			for (LinkInfo link : advertisement.links()) {
				LinkStateDatabase.Entry other = database.get(link.to());
				if (other != null && other.advertisement().linksTo(advertisement.nodeId())) {
					String from = min(advertisement.nodeId(), link.to());
					String to = max(advertisement.nodeId(), link.to());
					linkViews.putIfAbsent(from + "\u0000" + to + "\u0000" + link.transport(),
							new LinkView(from, to, link.transport(), link.cost()));
				}
			}
		}
		if (local == null) {
			local = new NodeView(this.localId, this.cluster, NodeStatus.UP, this.addresses.get(), this.services.get(),
					null, 0, this.membership.incarnation());
		}
		return new MeshSnapshot(local, nodes, List.copyOf(linkViews.values()));
	}

	private NodeView view(LinkStateDatabase.Entry entry, Routes routes) {
		NodeAdvertisement advertisement = entry.advertisement();
		Routes.Route route = routes.route(advertisement.nodeId());
		boolean local = advertisement.nodeId().equals(this.localId);
		return new NodeView(advertisement.nodeId(), advertisement.cluster(), status(entry, routes),
				advertisement.addresses(), advertisement.services(), (route != null && !local) ? route.nextHop() : null,
				(route != null) ? route.hops() : -1, advertisement.incarnation());
	}

	private static String min(String a, String b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String max(String a, String b) {
		return (a.compareTo(b) <= 0) ? b : a;
	}

}
