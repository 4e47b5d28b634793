/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

import io.litemesh.membership.LinkInfo;
import io.litemesh.membership.NodeAdvertisement;
import org.jspecify.annotations.Nullable;

/**
 * Least-cost paths from one node to every node it can reach, computed with Dijkstra's
 * algorithm over the advertisements of the link-state database. Immutable: computed once
 * per database change and shared by every message until the next.
 * <p>
 * A link counts only when both ends advertise it, so a node whose links died on the other
 * side becomes unreachable as soon as its neighbours say so, without waiting for its own
 * advertisement to age out. Leaving nodes carry no traffic.
 *
 * @author LiteMesh team
 */
final class Routes {

	private final Map<String, Route> routes;

	private Routes(Map<String, Route> routes) {
		this.routes = routes;
	}

	/**
	 * Compute the routes from a node.
	 * @param localId the node the routes start from
	 * @param advertisements the newest advertisement of every known node, the local one
	 * included
	 * @return the routes
	 */
	public static Routes compute(String localId, Collection<NodeAdvertisement> advertisements) {
		Map<String, NodeAdvertisement> byId = new HashMap<>();
		for (NodeAdvertisement advertisement : advertisements) {
			byId.put(advertisement.nodeId(), advertisement);
		}
		Map<String, Route> settled = new HashMap<>();
		PriorityQueue<Route> queue = new PriorityQueue<>(
				Comparator.comparingInt(Route::cost).thenComparing(Route::nodeId));
		queue.add(new Route(localId, 0, 0, localId));
		while (!queue.isEmpty()) {
			Route route = queue.poll();
			if (settled.putIfAbsent(route.nodeId(), route) != null) {
				continue;
			}
			NodeAdvertisement from = byId.get(route.nodeId());
			if (from == null) {
				continue;
			}
			for (LinkInfo link : from.links()) {
				NodeAdvertisement to = byId.get(link.to());
				if (to == null || to.leaving() || settled.containsKey(link.to()) || !to.linksTo(from.nodeId())) {
					continue;
				}
				String nextHop = route.nodeId().equals(localId) ? link.to() : route.nextHop();
				queue.add(new Route(link.to(), route.cost() + Math.max(1, link.cost()), route.hops() + 1, nextHop));
			}
		}
		return new Routes(Map.copyOf(settled));
	}

	/**
	 * Return the route to a node.
	 * @param nodeId the destination
	 * @return the route, {@code null} when the node is unreachable
	 */
	public @Nullable Route route(String nodeId) {
		return this.routes.get(nodeId);
	}

	/**
	 * Return whether a node is reachable (the local node always is).
	 * @param nodeId the node
	 * @return {@code true} when a route exists
	 */
	public boolean isReachable(String nodeId) {
		return this.routes.containsKey(nodeId);
	}

	/**
	 * Return the ids of every reachable node, the local one included.
	 * @return the node ids
	 */
	public java.util.Set<String> reachable() {
		return this.routes.keySet();
	}

	/**
	 * The least-cost path to one node.
	 *
	 * @param nodeId the destination
	 * @param cost the sum of the link costs
	 * @param hops the number of links
	 * @param nextHop the neighbour to hand a message to; the local node for itself
	 */
	public record Route(String nodeId, int cost, int hops, String nextHop) {
	}

}
