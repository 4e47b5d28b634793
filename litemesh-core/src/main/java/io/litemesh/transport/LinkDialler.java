/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

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
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps this node joined over one dialling transport (TCP, in-memory links) with a
 * bounded number of links: dials the seeds and the nodes heard of by multicast until they
 * are reachable, dials randomly chosen peers until it holds {@link Policy#targetLinks()}
 * links (unreachable nodes first, so islands merge), and closes links beyond
 * {@link Policy#maxLinks()}, to peers that keep enough links without them. Random peers
 * make a graph that is connected with a small diameter; the bound keeps connections O(n).
 * Every dial backs off exponentially on failure. Only the dial itself is the transport's:
 * every dialling transport links by this one policy, so a simulation over in-memory links
 * builds the graph TCP would.
 * <p>
 * A tick that finds nothing missing reads the seeds and the links only, so a thousand
 * nodes in one JVM can tick often.
 *
 * @author LiteMesh team
 */
public final class LinkDialler {

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	/** A link younger than this is never closed as excess: its peer is still settling. */
	private static final Duration SETTLING = Duration.ofSeconds(2);

	private final Policy settings;

	/**
	 * Logs under the transport's package ({@code io.litemesh.transport.tcp}), where an
	 * operator looks for why a node does not link.
	 */
	private final Log logger;

	/**
	 * The links this dialler bounds are its own transport's; durable transports link
	 * every live peer of their store on their own.
	 */
	private final String transport;

	private final PeerDirectory directory;

	private final LinkRegistry links;

	private final Predicate<String> allowed;

	private final Function<String, Mono<String>> dialer;

	private final Clock clock;

	private final Supplier<List<String>> seeds;

	private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

	private final Map<String, String> seedPeers = new ConcurrentHashMap<>();

	/** Dials to candidate peers (not seeds) under way. */
	private final AtomicInteger pendingDials = new AtomicInteger();

	/**
	 * Create a dialler.
	 * @param policy the node, the transport and the link bound
	 * @param directory the known peers, for the nodes to dial
	 * @param links the node's links
	 * @param allowed which peers this node may link to
	 * @param seeds the addresses to dial until the nodes there are reachable, asked at
	 * every tick
	 * @param dialer dials an address and returns the id of the node reached
	 * @param clock the clock for back-off
	 */
	public LinkDialler(Policy policy, PeerDirectory directory, LinkRegistry links, Predicate<String> allowed,
			Supplier<List<String>> seeds, Function<String, Mono<String>> dialer, Clock clock) {
		this.settings = policy;
		this.logger = LogFactory.getLog(LinkDialler.class.getPackageName() + "." + policy.transport());
		this.transport = policy.transport();
		this.directory = directory;
		this.links = links;
		this.allowed = allowed;
		this.seeds = seeds;
		this.dialer = dialer;
		this.clock = clock;
	}

	/**
	 * Dial and close whatever is due: called periodically.
	 * @param ownAddresses this node's own addresses, never dialled
	 */
	public void tick(List<String> ownAddresses) {
		for (String seed : this.seeds.get()) {
			String peer = this.seedPeers.get(seed);
			boolean joined = peer != null && (peer.equals(this.settings.nodeId()) || this.directory.isReachable(peer)
					|| !this.allowed.test(peer));
			if (!joined) {
				dialIfDue(seed, null);
			}
		}
		for (PeerDirectory.Peer heard : this.directory.discovered()) {
			String peer = heard.nodeId();
			String address = address(heard);
			if (!peer.equals(this.settings.nodeId()) && address != null && !this.directory.isReachable(peer)
					&& this.allowed.test(peer)) {
				dialIfDue(address, peer);
			}
		}
		// dials under way count: on a loaded host a handshake can take seconds, and
		// dialling anew every tick would open far more links than the bound
		int missing = this.settings.targetLinks() - this.links.links(this.transport).size() - this.pendingDials.get();
		if (missing > 0) {
			for (PeerDirectory.Peer candidate : candidates(ownAddresses)) {
				if (missing-- <= 0) {
					break;
				}
				dialIfDue(address(candidate), candidate.nodeId());
			}
		}
		shedExcessLink();
	}

	private List<PeerDirectory.Peer> candidates(List<String> ownAddresses) {
		List<PeerDirectory.Peer> unreachable = new ArrayList<>();
		List<PeerDirectory.Peer> others = new ArrayList<>();
		for (PeerDirectory.Peer advertisement : this.directory.peers()) {
			String peer = advertisement.nodeId();
			String address = address(advertisement);
			if (peer.equals(this.settings.nodeId()) || advertisement.leaving() || address == null
					|| ownAddresses.contains(address) || this.links.get(peer, this.transport) != null
					|| !this.allowed.test(peer) || isBusy(address)) {
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

	/**
	 * Return the first address of a peer that this transport dials: a node may advertise
	 * addresses of several transports.
	 */
	private @Nullable String address(PeerDirectory.Peer peer) {
		for (String address : peer.addresses()) {
			if (address.startsWith(this.settings.scheme())) {
				return address;
			}
		}
		return null;
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
		List<Link> open = this.links.links(this.transport);
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
				this.logger.debug("Node " + this.settings.nodeId() + " holds " + open.size() + " links, more than "
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
		if (knownPeer != null && this.links.get(knownPeer, this.transport) != null) {
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
			this.logger.debug("Node " + this.settings.nodeId() + " still cannot dial " + address + ": " + reason);
		}
		else if (expectedPeer != null) {
			this.logger.warn("Node " + this.settings.nodeId() + " cannot dial node " + expectedPeer
					+ " at its advertised " + "address " + address + " (" + reason + ")"
					+ this.settings.wrongAddressHint().replace("{peer}", expectedPeer));
		}
		else {
			this.logger.info("Node " + this.settings.nodeId() + " cannot reach seed " + address + " yet (" + reason
					+ "); retrying with back-off up to " + this.settings.reconnectMaxBackoff());
		}
	}

	private static final class Attempts {

		private boolean inFlight;

		private int failures;

		private Instant nextAttempt = Instant.MIN;

	}

	/**
	 * What a dialler needs to know of its node and transport.
	 *
	 * @param nodeId the id of the local node
	 * @param transport the transport whose links it counts and bounds, such as
	 * {@code tcp}
	 * @param scheme how the addresses it dials start, such as {@code tcp://}
	 * @param maxLinks how many links it holds at most before it closes one
	 * @param reconnectMaxBackoff the longest pause between two attempts at an address
	 * @param wrongAddressHint what the warning about a peer that cannot be dialled at its
	 * advertised address adds, {@code {peer}} standing for the peer's id, such as
	 * {@code "; if that address is wrong, set litemesh.tcp.advertised-address on node
	 * {peer}"}; empty for none
	 */
	public record Policy(String nodeId, String transport, String scheme, int maxLinks, Duration reconnectMaxBackoff,
			String wrongAddressHint) {

		/**
		 * Return how many links the node dials itself: half its bound, the rest is left
		 * for the peers that dial it.
		 * @return the target, at least one
		 */
		public int targetLinks() {
			return Math.max(1, this.maxLinks / 2);
		}

	}

}
