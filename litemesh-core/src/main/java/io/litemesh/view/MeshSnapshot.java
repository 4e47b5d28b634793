/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consistent view of the whole mesh as one node holds it: the basis of the Actuator
 * endpoint.
 *
 * @param local the local node
 * @param nodes every known node, the local one included, sorted by id
 * @param links every link once, sorted
 * @author LiteMesh team
 */
public record MeshSnapshot(NodeView local, List<NodeView> nodes, List<LinkView> links) {

	/**
	 * Return, for each service, the nodes that offer it and are not down or leaving.
	 * @return node ids by service name, sorted
	 */
	public Map<String, List<String>> services() {
		Map<String, List<String>> services = new TreeMap<>();
		for (NodeView node : this.nodes) {
			if (node.status() == NodeStatus.UP || node.status() == NodeStatus.SUSPECT) {
				for (ServiceInfo service : node.services()) {
					services.computeIfAbsent(service.name(), (name) -> new ArrayList<>()).add(node.id());
				}
			}
		}
		return services;
	}

}
