/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.litemesh.transport.RSocketLink;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkDialler;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.PeerDirectory;
import io.litemesh.transport.Transport;
import io.litemesh.view.TransportHealth;
import io.rsocket.RSocket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The in-memory transport of one node: joins a {@link MemoryNetwork} and keeps the node
 * linked through it with the {@link LinkDialler} policy TCP uses, dialling
 * {@code memory://} addresses. A node that names no seeds in its network is given a few
 * members of the network at random, as a test would seed it.
 *
 * @author LiteMesh team
 */
public final class MemoryTransport implements Transport {

	/** The name of this transport, as the graph shows its links. */
	public static final String NAME = "memory";

	private static final Log logger = LogFactory.getLog(MemoryTransport.class);

	/**
	 * The dial period: longer than TCP's, since a thousand nodes of one JVM tick, and a
	 * tick that finds nothing missing costs next to nothing.
	 */
	private static final Duration DIAL_TICK = Duration.ofMillis(200);

	private final MemoryNetwork network;

	private final String nodeId;

	private final long incarnation;

	private final List<String> seeds;

	private final InboundHandler inbound;

	private final LinkRegistry links;

	private final Predicate<String> allowedPeers;

	private final LinkDialler dialler;

	private final Scheduler scheduler;

	private volatile List<String> dialSeeds = List.of();

	private volatile boolean running;

	private volatile @Nullable Disposable dialling;

	/**
	 * Create the in-memory transport of a node.
	 * @param network the network to join
	 * @param policy the node's id and link bound; see {@link #policy}
	 * @param incarnation when the node started, as its peers learn it
	 * @param seeds the node's seeds: those of this network ({@code memory://<network>/})
	 * are dialled, the others are left to their transports
	 * @param inbound where received requests go
	 * @param links where new links are registered
	 * @param directory the known peers, for the dialler
	 * @param allowedPeers which peers this node may link to
	 * @param clock the node's clock, for back-off
	 * @param scheduler the node's scheduler, for the dialler's ticks
	 */
	public MemoryTransport(MemoryNetwork network, LinkDialler.Policy policy, long incarnation, List<String> seeds,
			InboundHandler inbound, LinkRegistry links, PeerDirectory directory, Predicate<String> allowedPeers,
			Clock clock, Scheduler scheduler) {
		this.network = network;
		this.nodeId = policy.nodeId();
		this.incarnation = incarnation;
		this.seeds = seeds.stream().filter((seed) -> seed.startsWith(network.address(""))).toList();
		this.inbound = inbound;
		this.links = links;
		this.allowedPeers = allowedPeers;
		this.scheduler = scheduler;
		this.dialler = new LinkDialler(policy, directory, links, allowedPeers, () -> this.dialSeeds,
				(address) -> network.connect(this, address), clock);
	}

	/**
	 * Return the dialling policy of a node over in-memory links: TCP's, with this
	 * transport's addresses.
	 * @param nodeId the node
	 * @param maxLinks the node's link bound
	 * @param reconnectMaxBackoff the longest pause between two attempts at an address
	 * @return the policy
	 */
	public static LinkDialler.Policy policy(String nodeId, int maxLinks, Duration reconnectMaxBackoff) {
		return new LinkDialler.Policy(nodeId, NAME, MemoryNetwork.SCHEME, maxLinks, reconnectMaxBackoff, "");
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Join the network and start dialling.
	 * @return the node's address in the network
	 * @throws IllegalStateException when the network already has a node of this id
	 */
	@Override
	public List<String> start() {
		this.dialSeeds = this.seeds.isEmpty() ? this.network.seedsFor(this.nodeId) : this.seeds;
		this.running = true;
		this.network.join(this);
		// the first tick waits one period, as TCP's does, so the node has published its
		// addresses before its first link comes up
		this.dialling = this.scheduler.schedulePeriodically(this::dialTick, DIAL_TICK.toMillis(), DIAL_TICK.toMillis(),
				TimeUnit.MILLISECONDS);
		return List.of(this.network.address(this.nodeId));
	}

	private void dialTick() {
		try {
			this.dialler.tick(List.of(this.network.address(this.nodeId)));
		}
		catch (RuntimeException ex) {
			logger.warn("Node " + this.nodeId + ": dialling failed", ex);
		}
	}

	/**
	 * Return no health of its own: in-memory links report through the node's counters.
	 * @return {@code null}
	 */
	@Override
	public @Nullable TransportHealth health() {
		return null;
	}

	/**
	 * Stop dialling, leave the network and close the node's in-memory links.
	 */
	@Override
	public void stop() {
		this.running = false;
		Disposable task = this.dialling;
		if (task != null) {
			task.dispose();
		}
		this.network.leave(this);
		this.links.links(NAME).forEach((link) -> link.dispose());
	}

	String nodeId() {
		return this.nodeId;
	}

	long incarnation() {
		return this.incarnation;
	}

	RSocket responderFor(String peerId) {
		return this.inbound.peerResponder(() -> peerId);
	}

	/**
	 * Register this node's end of a new link.
	 * @return {@code false} when the node stopped or refuses the peer
	 */
	boolean accept(RSocketLink link) {
		if (!this.running || !this.allowedPeers.test(link.peerId())) {
			logger.debug("Node " + this.nodeId + " refuses a memory link to " + link.peerId());
			return false;
		}
		return this.links.add(link);
	}

}
