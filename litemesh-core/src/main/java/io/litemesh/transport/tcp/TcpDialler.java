/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps this node joined over TCP with a bounded number of links: dials the seeds (every
 * address of a seed host name, see {@link SeedAddresses}) and the nodes heard of by
 * multicast until they are reachable, dials randomly chosen peers until it holds
 * {@link TcpSettings#targetLinks()} links (unreachable nodes first, so islands merge),
 * and closes links beyond {@link TcpSettings#maxLinks()}, to peers that keep enough links
 * without them. Random peers make a graph that is connected with a small diameter; the
 * bound keeps connections O(n). Every dial backs off exponentially on failure.
 *
 * @author LiteMesh team
 */
final class TcpDialler {

	private static final Log logger = LogFactory.getLog(TcpDialler.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	/**
	 * The links this dialler bounds are its own transport's; durable transports link
	 * every live peer of their store on their own.
	 */
	private static final String TCP = TcpTransport.NAME;

	/** A link younger than this is never closed as excess: its peer is still settling. */
	private static final Duration SETTLING = Duration.ofSeconds(2);

	private final TcpSettings settings;

	private final PeerDirectory directory;

	private final LinkRegistry links;

	private final Predicate<String> allowed;

	private final Function<String, Mono<String>> dialer;

	private final Clock clock;

	private final SeedAddresses seeds;

	private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

	private final Map<String, String> seedPeers = new ConcurrentHashMap<>();

	/** Dials to candidate peers (not seeds) under way. */
	private final AtomicInteger pendingDials = new AtomicInteger();

	/**
	 * Create a dialler.
	 * @param settings the transport's settings, with the seeds and link bound
	 * @param directory the known peers, for the nodes to dial
	 * @param links the node's links
	 * @param allowed which peers this node may link to
	 * @param dialer dials a {@code host:port} and returns the id of the node reached
	 * @param clock the clock for back-off
	 */
	TcpDialler(TcpSettings settings, PeerDirectory directory, LinkRegistry links, Predicate<String> allowed,
			Function<String, Mono<String>> dialer, Clock clock) {
		this.settings = settings;
		this.directory = directory;
		this.links = links;
		this.allowed = allowed;
		this.dialer = dialer;
		this.clock = clock;
		this.seeds = new SeedAddresses(settings.nodeId(), settings.seeds(), clock);
	}

	/**
	 * Dial and close whatever is due: called periodically.
	 * @param ownAddresses this node's own addresses, never dialled
	 */
	void tick(List<String> ownAddresses) {
		for (String seed : this.seeds.current()) {
			String peer = this.seedPeers.get(seed);
			boolean joined = peer != null && (peer.equals(this.settings.nodeId()) || this.directory.isReachable(peer)
					|| !this.allowed.test(peer));
			if (!joined) {
				dialIfDue(seed, null);
			}
		}
		for (PeerDirectory.Peer heard : this.directory.discovered()) {
			String peer = heard.nodeId();
			if (!peer.equals(this.settings.nodeId()) && !heard.addresses().isEmpty()
					&& !this.directory.isReachable(peer) && this.allowed.test(peer)) {
				dialIfDue(heard.addresses().get(0), peer);
			}
		}
		// dials under way count: on a loaded host a handshake can take seconds, and
		// dialling anew every tick would open far more links than the bound
		int missing = this.settings.targetLinks() - this.links.links(TCP).size() - this.pendingDials.get();
		if (missing > 0) {
			for (PeerDirectory.Peer candidate : candidates(ownAddresses)) {
				if (missing-- <= 0) {
					break;
				}
				dialIfDue(candidate.addresses().get(0), candidate.nodeId());
			}
		}
		shedExcessLink();
	}

	private List<PeerDirectory.Peer> candidates(List<String> ownAddresses) {
		List<PeerDirectory.Peer> unreachable = new ArrayList<>();
		List<PeerDirectory.Peer> others = new ArrayList<>();
		for (PeerDirectory.Peer advertisement : this.directory.peers()) {
			String peer = advertisement.nodeId();
			if (peer.equals(this.settings.nodeId()) || advertisement.leaving() || advertisement.addresses().isEmpty()
					|| ownAddresses.contains(advertisement.addresses().get(0)) || this.links.get(peer, TCP) != null
					|| !this.allowed.test(peer) || isBusy(advertisement.addresses().get(0))) {
				continue;
			}
			if (!this.directory.isReachable(peer)) {
				unreachable.add(advertisement);
			}
			else if (advertisement.degree() < this.settings.maxLinks()) {
				others.add(advertisement);
			}
		}
		Collections.shuffle(unreachable);
		Collections.shuffle(others);
		unreachable.addAll(others);
		return unreachable;
	}

	private boolean isBusy(String address) {
		Attempts state = this.attempts.get(address);
		if (state == null) {
			return false;
		}
		synchronized (state) {
			return state.inFlight || this.clock.instant().isBefore(state.nextAttempt);
		}
	}

	private void shedExcessLink() {
		List<Link> open = this.links.links(TCP);
		for (Link link : open) {
			if (!this.allowed.test(link.peerId())) {
				link.dispose();
			}
		}
		if (open.size() <= this.settings.maxLinks()) {
			return;
		}
		open.stream()
			.filter((link) -> this.links.age(link).compareTo(SETTLING) > 0)
			// a peer with another link stays connected and dials a replacement below the
			// bound
			.filter((link) -> degree(link.peerId()) > 1)
			.max(Comparator.comparingInt((Link link) -> degree(link.peerId())))
			.ifPresent((link) -> {
				logger.debug("Node " + this.settings.nodeId() + " holds " + open.size() + " links, more than "
						+ this.settings.maxLinks() + "; closing the one to " + link.peerId());
				link.dispose();
			});
	}

	private int degree(String nodeId) {
		return this.directory.degree(nodeId);
	}

	private void dialIfDue(String address, @Nullable String expectedPeer) {
		Attempts state = this.attempts.computeIfAbsent(address, (key) -> new Attempts());
		Instant now = this.clock.instant();
		synchronized (state) {
			if (state.inFlight || now.isBefore(state.nextAttempt)) {
				return;
			}
			state.inFlight = true;
		}
		Mono<String> dial = this.dialer.apply(address);
		if (expectedPeer != null) {
			this.pendingDials.incrementAndGet();
			dial = dial.doFinally((signal) -> this.pendingDials.decrementAndGet());
		}
		dial.subscribe((peer) -> {
			this.seedPeers.put(address, peer);
			synchronized (state) {
				state.inFlight = false;
				state.failures = 0;
				state.nextAttempt = this.clock.instant().plus(FIRST_BACKOFF);
			}
		}, (ex) -> failed(address, expectedPeer, state, ex));
	}

	private void failed(String address, @Nullable String expectedPeer, Attempts state, Throwable ex) {
		String knownPeer = (expectedPeer != null) ? expectedPeer : this.seedPeers.get(address);
		if (knownPeer != null && this.links.get(knownPeer, TCP) != null) {
			// both sides dialled at once and this connection lost the tie-break: no
			// failure
			synchronized (state) {
				state.inFlight = false;
				state.failures = 0;
			}
			return;
		}
		int failures;
		synchronized (state) {
			state.inFlight = false;
			failures = ++state.failures;
			long factor = 1L << Math.min(failures, 16);
			Duration backoff = FIRST_BACKOFF.multipliedBy(factor);
			if (backoff.compareTo(this.settings.reconnectMaxBackoff()) > 0) {
				backoff = this.settings.reconnectMaxBackoff();
			}
			state.nextAttempt = this.clock.instant().plus(backoff);
		}
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		if (failures != 1) {
			logger.debug("Node " + this.settings.nodeId() + " still cannot dial " + address + ": " + reason);
		}
		else if (expectedPeer != null) {
			logger.warn("Node " + this.settings.nodeId() + " cannot dial node " + expectedPeer + " at its advertised "
					+ "address " + address + " (" + reason + "); if that address is wrong, set "
					+ "litemesh.tcp.advertised-address on node " + expectedPeer);
		}
		else {
			logger.info("Node " + this.settings.nodeId() + " cannot reach seed " + address + " yet (" + reason
					+ "); retrying with back-off up to " + this.settings.reconnectMaxBackoff());
		}
	}

	private static final class Attempts {

		private boolean inFlight;

		private int failures;

		private Instant nextAttempt = Instant.MIN;

	}

}
