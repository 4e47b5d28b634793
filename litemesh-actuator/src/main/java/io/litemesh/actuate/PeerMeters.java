/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.MeshNode;
import io.litemesh.view.PeerStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of a node's peers, which come and go with them: requests in flight to each
 * node ({@code litemesh.peer.requests.active}), failed calls to it by error code
 * ({@code litemesh.peer.errors}) and the round trip of each link to a neighbour
 * ({@code litemesh.link.round-trip}), all tagged with {@code peer}. Each
 * {@link #refresh()} brings them in line with what the node knows: a node that left loses
 * its meters, as resilience4j's tagged metrics drop a removed circuit breaker's.
 *
 * @author LiteMesh team
 */
final class PeerMeters {

	private final MeshNode node;

	private final MeterRegistry registry;

	private final MultiGauge inFlight;

	private final MultiGauge roundTrips;

	/** The error counters registered, by peer, so a departed peer's can be removed. */
	private final Map<String, Map<String, Meter>> errors = new ConcurrentHashMap<>();

	/** The latest counts, which the counters read. */
	private volatile Map<String, PeerStatistics> latest = Map.of();

	PeerMeters(MeshNode node, MeterRegistry registry) {
		this.node = node;
		this.registry = registry;
		this.inFlight = MultiGauge.builder("litemesh.peer.requests.active")
			.description("Requests and streams from this node to a node that have not ended")
			.baseUnit("requests")
			.register(registry);
		this.roundTrips = MultiGauge.builder("litemesh.link.round-trip")
			.description("Last measured round trip of a link to a neighbour")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * Read the node's peers and register, update or remove their meters.
	 */
	void refresh() {
		List<PeerStatistics> peers = this.node.statistics().peers();
		Map<String, PeerStatistics> byId = new ConcurrentHashMap<>();
		List<MultiGauge.Row<?>> inFlightRows = new ArrayList<>();
		List<MultiGauge.Row<?>> roundTripRows = new ArrayList<>();
		for (PeerStatistics peer : peers) {
			byId.put(peer.nodeId(), peer);
			inFlightRows.add(MultiGauge.Row.of(Tags.of("peer", peer.nodeId()), peer.inFlight()));
			peer.roundTrips()
				.forEach((transport, trip) -> roundTripRows.add(MultiGauge.Row
					.of(Tags.of("peer", peer.nodeId(), "transport", transport), trip.toNanos() / 1e9)));
		}
		this.latest = byId;
		this.inFlight.register(inFlightRows, true);
		this.roundTrips.register(roundTripRows, true);
		for (PeerStatistics peer : peers) {
			Map<String, Meter> counters = this.errors.computeIfAbsent(peer.nodeId(), (id) -> new ConcurrentHashMap<>());
			peer.errors().keySet().forEach((code) -> counters.computeIfAbsent(code, (key) -> errorCounter(peer, key)));
		}
		this.errors.keySet().removeIf((peerId) -> {
			if (byId.containsKey(peerId)) {
				return false;
			}
			this.errors.get(peerId).values().forEach(this.registry::remove);
			return true;
		});
	}

	private Meter errorCounter(PeerStatistics peer, String code) {
		String peerId = peer.nodeId();
		return FunctionCounter.builder("litemesh.peer.errors", this, (meters) -> meters.errorCount(peerId, code))
			.description("Calls from this node to a node that failed, by error code")
			.baseUnit("calls")
			.tags("peer", peerId, "code", code)
			.register(this.registry);
	}

	private double errorCount(String peerId, String code) {
		PeerStatistics peer = this.latest.get(peerId);
		return (peer != null) ? peer.errors().getOrDefault(code, 0L) : 0;
	}

}
