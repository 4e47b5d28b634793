/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The mesh as one node sees it, in the shape of the JSON that {@code GET /actuator/mesh}
 * and the built-in route {@code mesh.snapshot} answer (DESIGN.md section 5): one
 * description, so every way of asking a node gets the same document.
 *
 * @param node the local node
 * @param nodes every known node, the local one included
 * @param links every link once, in either direction
 * @param services for each service, the nodes that offer it
 * @author LiteMesh team
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeshDescription(NodeDescription node, List<NodeSummary> nodes, List<LinkDescription> links,
		List<ServiceNodes> services) {

	/**
	 * Describe a snapshot.
	 * @param snapshot the mesh as a node sees it
	 * @return its description
	 */
	public static MeshDescription of(MeshSnapshot snapshot) {
		List<NodeSummary> nodes = snapshot.nodes().stream().map(NodeSummary::of).toList();
		List<LinkDescription> links = snapshot.links().stream().map(LinkDescription::of).toList();
		List<ServiceNodes> services = snapshot.services()
			.entrySet()
			.stream()
			.map((entry) -> new ServiceNodes(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
		return new MeshDescription(NodeDescription.of(snapshot.local()), nodes, links, services);
	}

	/**
	 * Full description of a node.
	 *
	 * @param id the node id
	 * @param cluster the cluster name
	 * @param status {@code UP}, {@code SUSPECT}, {@code LEAVING} or {@code DOWN}
	 * @param addresses the URIs other nodes dial, such as {@code tcp://10.0.0.5:7070}
	 * @param services the services the node offers
	 * @param incarnation when the node (re)started
	 */
	public record NodeDescription(String id, String cluster, String status, List<String> addresses,
			List<ServiceDescription> services, long incarnation) {

		/**
		 * Describe a node.
		 * @param node the node as a snapshot shows it
		 * @return its description
		 */
		public static NodeDescription of(NodeView node) {
			return new NodeDescription(node.id(), node.cluster(), node.status().name(), List.copyOf(node.addresses()),
					node.services().stream().map(ServiceDescription::of).toList(), node.incarnation());
		}

	}

	/**
	 * Description of a service a node offers.
	 *
	 * @param name the service name
	 * @param version the version, {@code ""} when unset
	 * @param endpoints the endpoint names
	 * @param tags the tags
	 */
	public record ServiceDescription(String name, String version, List<String> endpoints, Map<String, String> tags) {

		static ServiceDescription of(ServiceInfo service) {
			return new ServiceDescription(service.name(), service.version(), service.endpoints(), service.tags());
		}

	}

	/**
	 * Summary of a node of the mesh, as the local node sees it.
	 *
	 * @param id the node id
	 * @param cluster the cluster name
	 * @param status {@code UP}, {@code SUSPECT}, {@code LEAVING} or {@code DOWN}
	 * @param addresses the URIs other nodes dial
	 * @param services the names of the services the node offers
	 * @param nextHop the neighbour traffic to the node goes through, {@code null} (and
	 * left out of the JSON) for the local node and an unreachable one
	 * @param hops hops to the node, {@code 0} for the local node, {@code -1} when
	 * unreachable
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NodeSummary(String id, String cluster, String status, List<String> addresses, List<String> services,
			@Nullable String nextHop, int hops) {

		static NodeSummary of(NodeView node) {
			return new NodeSummary(node.id(), node.cluster(), node.status().name(), List.copyOf(node.addresses()),
					node.services().stream().map(ServiceInfo::name).toList(), node.nextHop(), node.hops());
		}

	}

	/**
	 * Description of a link between two nodes.
	 *
	 * @param from one end
	 * @param to the other end
	 * @param transport {@code tcp}, {@code jdbc} or {@code file}
	 * @param cost the routing cost
	 */
	public record LinkDescription(String from, String to, String transport, int cost) {

		static LinkDescription of(LinkView link) {
			return new LinkDescription(link.from(), link.to(), link.transport(), link.cost());
		}

	}

	/**
	 * The nodes that offer a service.
	 *
	 * @param name the service name
	 * @param nodes the ids of the nodes that offer it and are up
	 */
	public record ServiceNodes(String name, List<String> nodes) {

	}

}
