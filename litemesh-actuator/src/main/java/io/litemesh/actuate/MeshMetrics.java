/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.util.function.ToDoubleFunction;

import io.litemesh.MeshNode;
import io.litemesh.view.NodeStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds a node's counters and graph to Micrometer: {@code litemesh.messages.sent},
 * {@code litemesh.messages.dropped} (tagged with the reason), {@code litemesh.peers}
 * (tagged with the state), {@code litemesh.links} and {@code litemesh.security.refused}
 * (tagged with the reason). Values are read from the node when a registry asks, so
 * nothing is counted twice.
 *
 * @author LiteMesh team
 */
public class MeshMetrics implements MeterBinder {

	private final MeshNode node;

	/**
	 * Create the binder for a node.
	 * @param node the node
	 */
	public MeshMetrics(MeshNode node) {
		this.node = node;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("litemesh.messages.sent", this.node, counter(NodeStatistics::messagesSent))
			.description("Messages this node handed to its links, relayed ones included")
			.baseUnit("messages")
			.register(registry);
		dropped(registry, "hop-limit", NodeStatistics::hopLimitDrops);
		dropped(registry, "malformed", NodeStatistics::malformedMessages);
		dropped(registry, "advertisement", NodeStatistics::droppedAdvertisements);
		dropped(registry, "refused-connection", NodeStatistics::refusedConnections);
		dropped(registry, "denied", NodeStatistics::deniedCalls);
		Gauge.builder("litemesh.peers", this.node, counter(NodeStatistics::peersKnown))
			.description("Other nodes this node knows of")
			.baseUnit("nodes")
			.tag("state", "known")
			.register(registry);
		Gauge.builder("litemesh.peers", this.node, counter(NodeStatistics::peersReachable))
			.description("Other nodes this node can reach")
			.baseUnit("nodes")
			.tag("state", "reachable")
			.register(registry);
		for (String reason : this.node.statistics().refusals().keySet()) {
			FunctionCounter
				.builder("litemesh.security.refused", this.node,
						(node) -> node.statistics().refusals().getOrDefault(reason, 0L))
				.description("What this node refused for its safety: bad proofs, forgeries, floods, bounds hit")
				.baseUnit("events")
				.tag("reason", reason)
				.register(registry);
		}
		Gauge.builder("litemesh.links", this.node, counter(NodeStatistics::links))
			.description("Links this node holds to its neighbours")
			.baseUnit("links")
			.register(registry);
	}

	private void dropped(MeterRegistry registry, String reason, ToDoubleFunction<NodeStatistics> key) {
		FunctionCounter.builder("litemesh.messages.dropped", this.node, counter(key))
			.description("Messages or connections this node refused or dropped")
			.baseUnit("messages")
			.tag("reason", reason)
			.register(registry);
	}

	private static ToDoubleFunction<MeshNode> counter(ToDoubleFunction<NodeStatistics> key) {
		return (node) -> key.applyAsDouble(node.statistics());
	}

}
