/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.RemoteError;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.view.PeerStatistics;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Watches this node's traffic per peer: the round trip of each TCP link, timed with a
 * {@code ping} control message, and the failed calls to each node by error code. What it
 * keeps is bounded by the known nodes and links: a node that is gone is forgotten at the
 * next ping round.
 *
 * @author LiteMesh team
 */
final class PeerMonitor {

	private static final Log logger = LogFactory.getLog(PeerMonitor.class);

	private final String localId;

	private final LinkRegistry links;

	private final Duration timeout;

	/** Nanoseconds of the last round trip, by peer, then transport. */
	private final Map<String, Map<String, Long>> roundTrips = new ConcurrentHashMap<>();

	/** Links with a ping in flight, so a slow link never has two. */
	private final Map<Link, Boolean> pinging = new ConcurrentHashMap<>();

	private final Map<String, Map<String, LongAdder>> errors = new ConcurrentHashMap<>();

	PeerMonitor(String localId, LinkRegistry links, Duration timeout) {
		this.localId = localId;
		this.links = links;
		this.timeout = timeout;
	}

	/**
	 * Count a failed call to a node.
	 */
	void failed(String nodeId, Throwable failure) {
		String code = RemoteError.knownCode(failure);
		this.errors.computeIfAbsent(nodeId, (id) -> new ConcurrentHashMap<>())
			.computeIfAbsent(code, (key) -> new LongAdder())
			.increment();
	}

	/**
	 * Time the round trip of every open link, and forget the peers that are gone.
	 * @param known whether a node is still known
	 */
	void ping(Predicate<String> known) {
		// TCP links only: a ping through a durable store costs writes to the database or
		// the directory, at keepalive pace
		List<Link> open = this.links.links("tcp");
		this.roundTrips.keySet().removeIf((peer) -> open.stream().noneMatch((link) -> link.peerId().equals(peer)));
		this.errors.keySet().removeIf((nodeId) -> !known.test(nodeId));
		for (Link link : open) {
			if (this.pinging.putIfAbsent(link, Boolean.TRUE) == null) {
				ping(link);
			}
		}
	}

	private void ping(Link link) {
		Envelope envelope = Envelope.control(this.localId, link.peerId(), ControlOperation.PING);
		long start = System.nanoTime();
		link.rsocket()
			.requestResponse(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, envelope.encode(ByteBufAllocator.DEFAULT)))
			.timeout(this.timeout)
			.doFinally((signal) -> this.pinging.remove(link))
			.subscribe((reply) -> {
				reply.release();
				this.roundTrips.computeIfAbsent(link.peerId(), (peer) -> new ConcurrentHashMap<>())
					.put(link.transport(), System.nanoTime() - start);
			}, (ex) -> logger.debug("Ping of " + link.peerId() + " over " + link.transport() + " from node "
					+ this.localId + " failed: " + ex));
	}

	/**
	 * Return what this node sees of its traffic with every node it knows.
	 * @param nodes the known nodes, this one excluded
	 * @param inFlight the requests in flight to a node
	 * @return one entry per node, sorted by id
	 */
	List<PeerStatistics> statistics(Collection<String> nodes, ToIntFunction<String> inFlight) {
		List<PeerStatistics> statistics = new ArrayList<>();
		for (String nodeId : new TreeSet<>(nodes)) {
			Map<String, Long> errorCounts = new TreeMap<>();
			this.errors.getOrDefault(nodeId, Map.of()).forEach((code, count) -> errorCounts.put(code, count.sum()));
			Map<String, Duration> trips = new TreeMap<>();
			this.roundTrips.getOrDefault(nodeId, Map.of())
				.forEach((transport, nanos) -> trips.put(transport, Duration.ofNanos(nanos)));
			statistics.add(new PeerStatistics(nodeId, inFlight.applyAsInt(nodeId),
					Collections.unmodifiableMap(errorCounts), Collections.unmodifiableMap(trips)));
		}
		return statistics;
	}

}
