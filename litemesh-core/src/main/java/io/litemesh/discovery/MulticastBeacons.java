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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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

	private final String nodeId;

	private final String cluster;

	private final InetAddress group;

	private final int port;

	private final @Nullable SharedSecret secret;

	private final Clock clock;

	private final Scheduler scheduler;

	private final HeardNodes heard;

	private volatile @Nullable DatagramChannel channel;

	private volatile @Nullable Disposable nextBeacon;

	private volatile List<String> addresses = List.of();

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
		this.heard = new HeardNodes(nodeId, cluster, secret, clock);
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
					this.heard.receive(buffer.array(), buffer.position());
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
	 * Return the nodes heard of within {@link HeardNodes#HEARD_TTL}.
	 * @return the nodes and their addresses
	 */
	public List<Heard> heard() {
		return this.heard.heard();
	}

	/**
	 * Return how many datagrams were dropped, by reason.
	 * @return the counts, every reason included
	 */
	public Map<Drop, Long> dropped() {
		return this.heard.dropped();
	}

	HeardNodes heardNodes() {
		return this.heard;
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
