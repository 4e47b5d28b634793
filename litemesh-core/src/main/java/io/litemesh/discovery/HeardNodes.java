/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.discovery.MulticastBeacons.Drop;
import io.litemesh.discovery.MulticastBeacons.Heard;
import io.litemesh.security.SharedSecret;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The nodes a node heard beacons of. Everything from the network is bounded: the
 * datagram's size, how many datagrams a second are read, how many nodes are remembered
 * and for how long. Malformed, oversized, foreign, own and (with a secret) unsigned,
 * badly signed or stale beacons are dropped and counted. Datagrams come from one reading
 * thread; the dialler reads {@link #heard()} from others.
 *
 * @author LiteMesh team
 */
final class HeardNodes {

	/** How long a node heard of stays a dialling candidate without a new beacon. */
	static final Duration HEARD_TTL = Duration.ofSeconds(30);

	/** Most nodes remembered at once. */
	static final int MAX_HEARD = 64;

	/** Most datagrams read a second; the rest are dropped unread. */
	static final int MAX_PER_SECOND = 200;

	/** How far a signed beacon's time may be off this node's clock: the replay window. */
	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(HeardNodes.class);

	private record Entry(List<String> addresses, long heardAt) {
	}

	private final String nodeId;

	private final String cluster;

	private final @Nullable SharedSecret secret;

	private final Clock clock;

	private final Map<String, Entry> heard = new ConcurrentHashMap<>();

	private final Map<Drop, AtomicLong> drops = new EnumMap<>(Drop.class);

	private long window;

	private int readInWindow;

	private long lastWarned = Long.MIN_VALUE;

	HeardNodes(String nodeId, String cluster, @Nullable SharedSecret secret, Clock clock) {
		this.nodeId = nodeId;
		this.cluster = cluster;
		this.secret = secret;
		this.clock = clock;
		for (Drop drop : Drop.values()) {
			this.drops.put(drop, new AtomicLong());
		}
	}

	/**
	 * Take one datagram: remember its node, or count why not.
	 * @param bytes the datagram
	 * @param length its length
	 */
	void receive(byte[] bytes, int length) {
		long now = this.clock.millis();
		if (now / 1000 != this.window) {
			this.window = now / 1000;
			this.readInWindow = 0;
		}
		if (++this.readInWindow > MAX_PER_SECOND) {
			drop(Drop.OVER_BOUND);
			return;
		}
		if (length > Beacon.MAX_BYTES) {
			drop(Drop.OVERSIZED);
			return;
		}
		Beacon beacon = Beacon.decode(bytes, length);
		Drop drop = (beacon != null) ? check(beacon, now) : Drop.MALFORMED;
		if (drop != null) {
			drop(drop);
			return;
		}
		remember(beacon, now);
	}

	private @Nullable Drop check(Beacon beacon, long now) {
		if (!beacon.cluster().equals(this.cluster)) {
			return Drop.FOREIGN;
		}
		if (beacon.node().equals(this.nodeId)) {
			return Drop.OWN;
		}
		SharedSecret secret = this.secret;
		if (secret == null) {
			return null;
		}
		if (beacon.proof() == null) {
			return Drop.UNSIGNED;
		}
		if (!beacon.verify(secret)) {
			warn("a beacon of node '" + beacon.node() + "' signed with another secret");
			return Drop.BAD_PROOF;
		}
		return (Math.abs(now - beacon.time()) > MAX_SKEW.toMillis()) ? Drop.STALE : null;
	}

	private void remember(Beacon beacon, long now) {
		if (!this.heard.containsKey(beacon.node()) && this.heard.size() >= MAX_HEARD) {
			this.heard.values().removeIf((entry) -> now - entry.heardAt() > HEARD_TTL.toMillis());
			if (this.heard.size() >= MAX_HEARD) {
				drop(Drop.OVER_BOUND);
				return;
			}
		}
		Entry previous = this.heard.put(beacon.node(), new Entry(beacon.addresses(), now));
		if (previous == null && logger.isDebugEnabled()) {
			logger.debug(
					"Node " + this.nodeId + " heard a beacon of node " + beacon.node() + " at " + beacon.addresses());
		}
	}

	private void drop(Drop drop) {
		this.drops.get(drop).incrementAndGet();
	}

	private void warn(String what) {
		long now = this.clock.millis();
		// a wrong secret beacons every few seconds: say so twice a minute at most
		if (this.lastWarned == Long.MIN_VALUE || now - this.lastWarned >= 30_000) {
			this.lastWarned = now;
			logger.warn("LiteMesh node " + this.nodeId + " dropped " + what + "; check litemesh.security.secret on "
					+ "the nodes of cluster '" + this.cluster + "'");
		}
	}

	/**
	 * Return the nodes heard of within {@link #HEARD_TTL}.
	 * @return the nodes and their addresses
	 */
	List<Heard> heard() {
		long now = this.clock.millis();
		List<Heard> heard = new ArrayList<>();
		this.heard.forEach((node, entry) -> {
			if (now - entry.heardAt() <= HEARD_TTL.toMillis()) {
				heard.add(new Heard(node, entry.addresses()));
			}
		});
		return heard;
	}

	/**
	 * Return how many datagrams were dropped, by reason.
	 * @return the counts, every reason included
	 */
	Map<Drop, Long> dropped() {
		Map<Drop, Long> counts = new LinkedHashMap<>();
		this.drops.forEach((drop, count) -> counts.put(drop, count.get()));
		return counts;
	}

}
