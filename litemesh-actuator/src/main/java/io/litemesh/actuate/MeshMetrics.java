/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * nothing is counted twice. Per peer, {@code litemesh.peer.requests.active},
 * {@code litemesh.peer.errors} and {@code litemesh.link.round-trip} come and go with the
 * peers, brought up to date every refresh interval.
 *
 * @author LiteMesh team
 */
public class MeshMetrics implements MeterBinder, AutoCloseable {

	/** How often the per-peer meters follow the peers, by default. */
	public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

	private final MeshNode node;

	private final Duration refreshInterval;

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "litemesh-peer-meters");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Create the binder for a node.
	 * @param node the node
	 */
	public MeshMetrics(MeshNode node) {
		this(node, DEFAULT_REFRESH_INTERVAL);
	}

	/**
	 * Create the binder for a node.
	 * @param node the node
	 * @param refreshInterval how often the per-peer meters follow the peers
	 */
	public MeshMetrics(MeshNode node, Duration refreshInterval) {
		this.node = node;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Stop following the peers.
	 */
	@Override
	public void close() {
		this.refresher.shutdownNow();
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
		PeerMeters peers = new PeerMeters(this.node, registry);
		peers.refresh();
		long period = this.refreshInterval.toMillis();
		this.refresher.scheduleWithFixedDelay(() -> {
			try {
				peers.refresh();
			}
			catch (RuntimeException ex) {
				// a stopped node or a closed registry: the next round tries again
			}
		}, period, period, TimeUnit.MILLISECONDS);
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
