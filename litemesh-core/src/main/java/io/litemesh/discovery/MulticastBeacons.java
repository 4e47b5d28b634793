/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.discovery;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.security.SharedSecret;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Announces this node on a UDP multicast group and remembers the nodes it hears, for the
 * TCP dialler to dial as it dials seeds (JGroups' MPING, Zyre's beacons). A beacon goes
 * out every {@link #INTERVAL} with up to a third of jitter, so that nodes started at once
 * do not beacon in step. Everything from the network is bounded: the datagram's size, how
 * many datagrams a second are read, how many nodes are remembered and for how long.
 * Malformed, oversized, foreign, own and (with a secret) unsigned, badly signed or stale
 * beacons are dropped and counted.
 *
 * @author LiteMesh team
 */
public final class MulticastBeacons {

	/** Mean pause between two beacons of a node. */
	public static final Duration INTERVAL = Duration.ofSeconds(3);

	/** How long a node heard of stays a dialling candidate without a new beacon. */
	static final Duration HEARD_TTL = Duration.ofSeconds(30);

	/** Most nodes remembered at once. */
	static final int MAX_HEARD = 64;

	/** Most datagrams read a second; the rest are dropped unread. */
	static final int MAX_PER_SECOND = 200;

	/** How far a signed beacon's time may be off this node's clock: the replay window. */
	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(MulticastBeacons.class);

	/** Why a datagram was dropped. */
	public enum Drop {

		/** Not a beacon: bad JSON, version, field or address. */
		MALFORMED,

		/** Larger than {@link Beacon#MAX_BYTES}. */
		OVERSIZED,

		/** A node of another cluster. */
		FOREIGN,

		/** This node's own beacon, looped back. */
		OWN,

		/** Without a proof, on a node with a secret. */
		UNSIGNED,

		/** A proof of another secret. */
		BAD_PROOF,

		/** Signed, but sent too long ago or in the future: a replay. */
		STALE,

		/** Over the bound of remembered nodes or of datagrams a second. */
		OVER_BOUND

	}

	/**
	 * A node heard of.
	 *
	 * @param nodeId its id
	 * @param addresses where it may be dialled
	 */
	public record Heard(String nodeId, List<String> addresses) {
	}

	private record Entry(List<String> addresses, long heardAt) {
	}

	private final String nodeId;

	private final String cluster;

	private final InetAddress group;

	private final int port;

	private final @Nullable SharedSecret secret;

	private final Clock clock;

	private final Scheduler scheduler;

	private final Map<String, Entry> heard = new ConcurrentHashMap<>();

	private final Map<Drop, AtomicLong> drops = new EnumMap<>(Drop.class);

	private volatile @Nullable DatagramChannel channel;

	private volatile @Nullable Disposable nextBeacon;

	private volatile List<String> addresses = List.of();

	private long window;

	private int readInWindow;

	private long lastWarned = Long.MIN_VALUE;

	/**
	 * Create the beacons of a node; nothing is sent or read before {@link #start}.
	 * @param nodeId the node's id
	 * @param cluster the node's cluster
	 * @param group the multicast group, an address literal
	 * @param port the UDP port
	 * @param secret the cluster's secret, {@code null} for none
	 * @param clock the node's clock
	 * @param scheduler the node's scheduler, for sending
	 */
	public MulticastBeacons(String nodeId, String cluster, String group, int port, @Nullable SharedSecret secret,
			Clock clock, Scheduler scheduler) {
		this.nodeId = nodeId;
		this.cluster = cluster;
		this.group = literal(group);
		this.port = port;
		this.secret = secret;
		this.clock = clock;
		this.scheduler = scheduler;
		for (Drop drop : Drop.values()) {
			this.drops.put(drop, new AtomicLong());
		}
	}

	private static InetAddress literal(String group) {
		try {
			return InetAddress.getByName(group);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("'group' must be a multicast address literal, but was " + group, ex);
		}
	}

	/**
	 * Join the group on the interface that holds the node's address and start sending and
	 * reading beacons. A node that cannot join logs why and goes on without them.
	 * @param addresses the node's advertised addresses, sent in every beacon; empty for
	 * an outbound-only node, which only listens
	 * @param bindAddress the address the TCP server is bound to, {@code null} if chosen
	 * by default
	 */
	public void start(List<String> addresses, @Nullable String bindAddress) {
		this.addresses = List.copyOf(addresses);
		boolean ipv6 = this.group instanceof Inet6Address;
		NetworkInterface nic = BeaconInterface.choose(addresses, bindAddress, ipv6);
		if (nic == null) {
			logger.warn("LiteMesh node " + this.nodeId + " found no multicast-capable network interface for "
					+ "beacons on " + this.group.getHostAddress() + "; it finds peers through seeds only");
			return;
		}
		try {
			DatagramChannel open = DatagramChannel
				.open(ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)
				.setOption(StandardSocketOptions.SO_REUSEADDR, true)
				.bind(new InetSocketAddress(this.port))
				.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic)
				// one hop: beacons stay on the LAN, as the organization-local scope says
				.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1)
				// nodes on one host hear each other
				.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
			open.join(this.group, nic);
			this.channel = open;
		}
		catch (IOException ex) {
			logger.warn("LiteMesh node " + this.nodeId + " cannot join multicast group " + this.group.getHostAddress()
					+ " port " + this.port + " on " + nic.getName() + " (" + ex.getMessage()
					+ "); it finds peers through seeds only");
			return;
		}
		Thread reader = new Thread(this::read, "litemesh-" + this.nodeId + "-beacons");
		reader.setDaemon(true);
		reader.start();
		scheduleBeacon(ThreadLocalRandom.current().nextLong(500));
		logger.info("LiteMesh node " + this.nodeId + " " + (addresses.isEmpty() ? "listens for" : "sends and hears")
				+ " multicast beacons on group " + this.group.getHostAddress() + " port " + this.port + " (interface "
				+ nic.getName() + ", " + ((this.secret != null) ? "signed" : "unsigned") + ")");
	}

	private void scheduleBeacon(long delayMillis) {
		this.nextBeacon = this.scheduler.schedule(this::beacon, delayMillis, TimeUnit.MILLISECONDS);
	}

	private void beacon() {
		DatagramChannel open = this.channel;
		if (open == null || !open.isOpen()) {
			return;
		}
		try {
			if (!this.addresses.isEmpty()) {
				byte[] bytes = Beacon.of(this.cluster, this.nodeId, this.addresses, this.clock.millis(), this.secret)
					.encode();
				open.send(ByteBuffer.wrap(bytes), new InetSocketAddress(this.group, this.port));
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Node " + this.nodeId + " could not send its beacon", ex);
		}
		long interval = INTERVAL.toMillis();
		scheduleBeacon(interval - interval / 3 + ThreadLocalRandom.current().nextLong(2 * interval / 3 + 1));
	}

	private void read() {
		// one byte more than a beacon may have: a datagram that fills it was too large
		ByteBuffer buffer = ByteBuffer.allocate(Beacon.MAX_BYTES + 1);
		DatagramChannel open = this.channel;
		while (open != null && open.isOpen()) {
			try {
				buffer.clear();
				if (open.receive(buffer) != null) {
					receive(buffer.array(), buffer.position());
				}
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Node " + this.nodeId + " could not read a beacon", ex);
			}
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
	public List<Heard> heard() {
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
	public Map<Drop, Long> dropped() {
		Map<Drop, Long> counts = new LinkedHashMap<>();
		this.drops.forEach((drop, count) -> counts.put(drop, count.get()));
		return counts;
	}

	/**
	 * Return whether the node joined the group and reads beacons.
	 * @return {@code true} between a successful start and stop
	 */
	public boolean isRunning() {
		DatagramChannel open = this.channel;
		return open != null && open.isOpen();
	}

	/**
	 * Stop sending and reading, and leave the group.
	 */
	public void stop() {
		Disposable next = this.nextBeacon;
		if (next != null) {
			next.dispose();
		}
		DatagramChannel open = this.channel;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				logger.debug("Node " + this.nodeId + " could not close its beacon socket", ex);
			}
		}
	}

}
