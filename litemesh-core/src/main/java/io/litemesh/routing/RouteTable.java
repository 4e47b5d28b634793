/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.litemesh.membership.MembershipListener;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.view.ServiceInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The routes of one node and the advertisements they were computed from, recomputed on
 * every change of the link-state database and published together, so a request reads one
 * consistent pair without locking. Logs the peers that become reachable or not.
 *
 * @author LiteMesh team
 */
public final class RouteTable implements MembershipListener {

	private static final Log logger = LogFactory.getLog(RouteTable.class);

	private final String localId;

	private volatile Routes routes;

	/**
	 * The newest advertisement of every node, republished with the routes on every
	 * change.
	 */
	private volatile Map<String, NodeAdvertisement> advertisements = Map.of();

	private volatile long computations;

	/**
	 * The advertisements of the nodes offering each service, so an anycast call reads the
	 * few providers of its service, not the advertisement of every node.
	 */
	private volatile Map<String, List<NodeAdvertisement>> offering = Map.of();

	/**
	 * Create the empty route table of a node.
	 * @param localId the id of the local node
	 */
	public RouteTable(String localId) {
		this.localId = localId;
		this.routes = Routes.compute(localId, List.of());
	}

	@Override
	public synchronized void membershipChanged(Collection<NodeAdvertisement> current) {
		Map<String, NodeAdvertisement> byId = new HashMap<>();
		for (NodeAdvertisement advertisement : current) {
			byId.put(advertisement.nodeId(), advertisement);
		}
		Routes previous = this.routes;
		Routes computed = Routes.compute(this.localId, byId.values());
		this.computations++;
		Map<String, List<NodeAdvertisement>> byService = new HashMap<>();
		for (NodeAdvertisement advertisement : byId.values()) {
			for (ServiceInfo service : advertisement.services()) {
				byService.computeIfAbsent(service.name(), (name) -> new ArrayList<>()).add(advertisement);
			}
		}
		this.advertisements = Map.copyOf(byId);
		byService.replaceAll((name, providers) -> List.copyOf(providers));
		this.offering = Map.copyOf(byService);
		this.routes = computed;
		logReachability(previous, computed, byId);
	}

	private void logReachability(Routes previous, Routes computed, Map<String, NodeAdvertisement> byId) {
		for (String id : computed.reachable()) {
			if (!previous.isReachable(id) && !id.equals(this.localId)) {
				Routes.Route route = computed.route(id);
				logger.info("Node " + this.localId + ": peer " + id + " joined the mesh ("
						+ ((route != null) ? route.hops() + " hop(s) via " + route.nextHop() : "") + ")");
			}
		}
		for (String id : previous.reachable()) {
			if (!computed.isReachable(id)) {
				NodeAdvertisement gone = byId.get(id);
				String why = (gone == null) ? "aged out" : gone.leaving() ? "left gracefully" : "unreachable";
				logger.info("Node " + this.localId + ": peer " + id + " left the mesh (" + why + ")");
			}
		}
	}

	/**
	 * Return how many times the routes were computed, for the figures of how their cost
	 * grows with the mesh.
	 * @return the count
	 */
	public long computations() {
		return this.computations;
	}

	/**
	 * Return whether a node is reachable over links both ends confirm.
	 * @param nodeId the node
	 * @return {@code true} when routed to
	 */
	public boolean isReachable(String nodeId) {
		return this.routes.isReachable(nodeId);
	}

	/**
	 * Return how many other nodes are reachable and not leaving.
	 * @return the count
	 */
	public int reachablePeers() {
		// routes hold the local node and every node reachable and not leaving
		return this.routes.reachable().size() - 1;
	}

	/**
	 * Return the routes for the current database.
	 * @return the routes
	 */
	Routes routes() {
		// every change to the database recomputes the routes, so a request only reads
		// them
		return this.routes;
	}

	/**
	 * Return the newest advertisement of a node, as of the current routes.
	 * @param nodeId the node
	 * @return the advertisement, {@code null} when the node is unknown
	 */
	public @Nullable NodeAdvertisement advertisement(String nodeId) {
		return this.advertisements.get(nodeId);
	}

	/**
	 * Return the newest advertisements of the nodes that offer a service, as of the
	 * current routes, reachable or not; no copy is made.
	 * @param service the service name
	 * @return the advertisements, empty when no known node offers it
	 */
	public List<NodeAdvertisement> offering(String service) {
		return this.offering.getOrDefault(service, List.of());
	}

	/**
	 * Return the newest advertisement of every known node, as of the current routes; no
	 * copy is made, so callers on the request path may use it freely.
	 * @return the advertisements
	 */
	public Collection<NodeAdvertisement> advertisements() {
		return this.advertisements.values();
	}

}
