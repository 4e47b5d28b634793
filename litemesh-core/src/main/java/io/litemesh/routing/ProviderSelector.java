/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import io.litemesh.NoRouteException;
import io.litemesh.Target;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.routing.Routes;
import io.litemesh.view.ServiceInfo;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Target} into the nodes a call goes to, from the link-state database
 * alone, so that a call nobody can serve fails at once. Anycast takes the nearest
 * providers and among those the one with the fewest outstanding requests, rotating on
 * ties.
 *
 * @author LiteMesh team
 */
public final class ProviderSelector {

	private final String localId;

	private final RouteTable routeTable;

	private final ToIntFunction<String> load;

	private final AtomicInteger rotation = new AtomicInteger();

	/**
	 * Create a selector.
	 * @param localId the local node id
	 * @param routeTable the routes and the advertisements they were computed from
	 * @param load the requests in flight to a node
	 */
	public ProviderSelector(String localId, RouteTable routeTable, ToIntFunction<String> load) {
		this.localId = localId;
		this.routeTable = routeTable;
		this.load = load;
	}

	/**
	 * Return every node the target names that can serve the endpoint.
	 * @param target the target
	 * @param endpoint the endpoint
	 * @return the node ids, never empty
	 * @throws NoRouteException when no node can serve the call, saying what is missing
	 */
	public List<String> resolve(Target target, String endpoint) {
		return resolve(target, endpoint, this.routeTable.routes());
	}

	private List<String> resolve(Target target, String endpoint, Routes routes) {
		if (target.mode() == Target.Mode.UNICAST) {
			String nodeId = target.nodeId();
			checkUnicast(nodeId, target, endpoint, routes);
			return List.of(nodeId);
		}
		List<String> providers = new ArrayList<>();
		List<ServiceInfo> offered = new ArrayList<>();
		for (NodeAdvertisement advertisement : this.routeTable.offering(target.service())) {
			ServiceInfo service = find(advertisement, target.service());
			if (service == null || advertisement.leaving() || !routes.isReachable(advertisement.nodeId())
					|| !target.matches(service.tags())) {
				continue;
			}
			offered.add(service);
			if (service.endpoints().contains(endpoint)) {
				providers.add(advertisement.nodeId());
			}
		}
		if (providers.isEmpty()) {
			TreeSet<String> endpointsSeen = new TreeSet<>();
			offered.forEach((service) -> endpointsSeen.addAll(service.endpoints()));
			throw new NoRouteException(!offered.isEmpty()
					? "No node offers endpoint '" + endpoint + "' of service '" + target.service()
							+ "'; its endpoints are " + endpointsSeen
					: "No node offers service '" + target.service() + "'"
							+ (target.tags().isEmpty() ? "" : " with tags " + target.tags()) + " (asked by node "
							+ this.localId + "); check the service name and that a provider is up");
		}
		providers.sort(String::compareTo);
		return providers;
	}

	/**
	 * Choose the one node of a unicast or anycast target.
	 * @param target the target
	 * @param endpoint the endpoint
	 * @return the node id
	 */
	public String choose(Target target, String endpoint) {
		if (target.mode() == Target.Mode.BROADCAST) {
			throw new IllegalArgumentException("A broadcast target names every provider of '" + target.service()
					+ "'; use requestAll or send instead of a call to one node");
		}
		Routes routes = this.routeTable.routes();
		List<String> providers = resolve(target, endpoint, routes);
		if (providers.size() == 1) {
			return providers.get(0);
		}
		int best = Integer.MAX_VALUE;
		List<String> nearest = new ArrayList<>();
		for (String provider : providers) {
			Routes.Route route = routes.route(provider);
			int cost = (route != null) ? route.cost() : Integer.MAX_VALUE;
			if (cost < best) {
				best = cost;
				nearest.clear();
			}
			if (cost == best) {
				nearest.add(provider);
			}
		}
		int start = Math.floorMod(this.rotation.getAndIncrement(), nearest.size());
		String chosen = null;
		int fewest = Integer.MAX_VALUE;
		for (int i = 0; i < nearest.size(); i++) {
			String candidate = nearest.get((start + i) % nearest.size());
			int load = this.load.applyAsInt(candidate);
			if (load < fewest) {
				fewest = load;
				chosen = candidate;
			}
		}
		return chosen;
	}

	private void checkUnicast(String nodeId, Target target, String endpoint, Routes routes) {
		NodeAdvertisement advertisement = this.routeTable.advertisement(nodeId);
		if (advertisement == null) {
			throw new NoRouteException("Node '" + nodeId + "' is unknown to node " + this.localId
					+ "; check the node id (known: " + known() + ")");
		}
		if (advertisement.leaving()) {
			throw new NoRouteException("Node '" + nodeId + "' is leaving the mesh; call another node");
		}
		if (!routes.isReachable(nodeId)) {
			throw new NoRouteException(
					"Node '" + nodeId + "' is unreachable from node " + this.localId + " (no path of live links)");
		}
		ServiceInfo service = find(advertisement, target.service());
		if (service == null || !target.matches(service.tags())) {
			throw new NoRouteException("Node '" + nodeId + "' does not offer service '" + target.service() + "'"
					+ (target.tags().isEmpty() ? "" : " with tags " + target.tags()) + "; it offers "
					+ advertisement.services().stream().map(ServiceInfo::name).toList());
		}
		if (!service.endpoints().contains(endpoint)) {
			throw new NoRouteException("Service '" + target.service() + "' on node '" + nodeId + "' has no endpoint '"
					+ endpoint + "'; its endpoints are " + service.endpoints());
		}
	}

	private List<String> known() {
		return this.routeTable.advertisements().stream().map(NodeAdvertisement::nodeId).sorted().toList();
	}

	private static @Nullable ServiceInfo find(NodeAdvertisement advertisement, String name) {
		for (ServiceInfo service : advertisement.services()) {
			if (service.name().equals(name)) {
				return service;
			}
		}
		return null;
	}

}
