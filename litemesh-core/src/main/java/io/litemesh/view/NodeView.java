/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A node of the mesh as this node sees it.
 *
 * @param id the node id
 * @param cluster the cluster name
 * @param status the status
 * @param addresses the addresses other nodes dial, as URIs ({@code tcp://host:port})
 * @param services the services the node offers
 * @param nextHop the neighbour traffic to the node goes through, {@code null} when
 * unreachable or local
 * @param hops the number of hops to the node, {@code 0} for the local node, {@code -1}
 * when unreachable
 * @param incarnation when the node (re)started, distinguishing restarts with one id
 * @author LiteMesh team
 */
public record NodeView(String id, String cluster, NodeStatus status, List<String> addresses, List<ServiceInfo> services,
		@Nullable String nextHop, int hops, long incarnation) {
}
