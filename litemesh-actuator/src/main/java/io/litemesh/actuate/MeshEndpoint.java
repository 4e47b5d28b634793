/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.util.List;
import java.util.Map;

import io.litemesh.MeshNode;
import io.litemesh.MeshTimeoutException;
import io.litemesh.view.LinkView;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeHealth;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeView;
import io.litemesh.view.ServiceInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows the mesh as the local node sees it: the node
 * itself, every known node, the links between them and the services they offer, and the
 * state of any one node, fetched through the mesh.
 *
 * @author LiteMesh team
 */
@Endpoint(id = "mesh")
public class MeshEndpoint {

	private final MeshNode node;

	/**
	 * Create a new endpoint.
	 * @param node the local node
	 */
	public MeshEndpoint(MeshNode node) {
		this.node = node;
	}

	/**
	 * Describe the mesh as the local node sees it.
	 * @return the local node, every known node, the links and the services
	 */
	@ReadOperation
	public MeshDescriptor mesh() {
		MeshSnapshot snapshot = this.node.snapshot();
		List<NodeSummaryDescriptor> nodes = snapshot.nodes().stream().map(NodeSummaryDescriptor::of).toList();
		List<LinkDescriptor> links = snapshot.links().stream().map(LinkDescriptor::of).toList();
		List<ServiceNodesDescriptor> services = snapshot.services()
			.entrySet()
			.stream()
			.map((entry) -> new ServiceNodesDescriptor(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
		return new MeshDescriptor(NodeDescriptor.of(snapshot.local()), nodes, links, services);
	}

	/**
	 * Describe one node and its health as that node reports them, through the mesh when
	 * it is not the local node. Blocks for at most the node's request timeout.
	 * @param nodeId the id of the node
	 * @return the node and its health, or {@code null} when no node of that id is known
	 * @throws io.litemesh.NoRouteException when the node is known but unreachable
	 * @throws MeshTimeoutException when the node does not answer in time
	 */
	@ReadOperation
	public @Nullable NodeStateDescriptor node(@Selector String nodeId) {
		if (!isKnown(nodeId)) {
			return null;
		}
		// the node applies the request timeout itself
		NodeState state = this.node.nodeState(nodeId).block();
		return (state != null) ? new NodeStateDescriptor(NodeDescriptor.of(state.node()), state.health()) : null;
	}

	private boolean isKnown(String nodeId) {
		return this.node.nodeId().equals(nodeId)
				|| this.node.snapshot().nodes().stream().anyMatch((candidate) -> candidate.id().equals(nodeId));
	}

	/**
	 * Description of the mesh as one node sees it.
	 *
	 * @param node the local node
	 * @param nodes every known node, the local one included
	 * @param links every link once, in either direction
	 * @param services for each service, the nodes that offer it
	 */
	public record MeshDescriptor(NodeDescriptor node, List<NodeSummaryDescriptor> nodes, List<LinkDescriptor> links,
			List<ServiceNodesDescriptor> services) implements OperationResponseBody {

	}

	/**
	 * Description of one node and its health, as the node itself reports them.
	 *
	 * @param node the node
	 * @param health its health: {@code status} and details
	 */
	public record NodeStateDescriptor(NodeDescriptor node, NodeHealth health) implements OperationResponseBody {

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
	public record NodeDescriptor(String id, String cluster, String status, List<String> addresses,
			List<ServiceDescriptor> services, long incarnation) {

		static NodeDescriptor of(NodeView node) {
			return new NodeDescriptor(node.id(), node.cluster(), node.status().name(), List.copyOf(node.addresses()),
					node.services().stream().map(ServiceDescriptor::of).toList(), node.incarnation());
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
	public record ServiceDescriptor(String name, String version, List<String> endpoints, Map<String, String> tags) {

		static ServiceDescriptor of(ServiceInfo service) {
			return new ServiceDescriptor(service.name(), service.version(), service.endpoints(), service.tags());
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
	 * @param nextHop the neighbour traffic to the node goes through, {@code null} for the
	 * local node and an unreachable one
	 * @param hops hops to the node, {@code 0} for the local node, {@code -1} when
	 * unreachable
	 */
	public record NodeSummaryDescriptor(String id, String cluster, String status, List<String> addresses,
			List<String> services, @Nullable String nextHop, int hops) {

		static NodeSummaryDescriptor of(NodeView node) {
			return new NodeSummaryDescriptor(node.id(), node.cluster(), node.status().name(),
					List.copyOf(node.addresses()), node.services().stream().map(ServiceInfo::name).toList(),
					node.nextHop(), node.hops());
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
	public record LinkDescriptor(String from, String to, String transport, int cost) {

		static LinkDescriptor of(LinkView link) {
			return new LinkDescriptor(link.from(), link.to(), link.transport(), link.cost());
		}

	}

	/**
	 * The nodes that offer a service.
	 *
	 * @param name the service name
	 * @param nodes the ids of the nodes that offer it and are up
	 */
	public record ServiceNodesDescriptor(String name, List<String> nodes) {

	}

}
