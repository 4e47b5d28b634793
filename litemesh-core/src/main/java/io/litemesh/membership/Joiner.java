/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.litemesh.MeshSettings;
import io.litemesh.transport.LinkRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps this node joined: dials the seeds until it holds a link to each, and dials the
 * nodes it learns of, retrying each with exponential back-off. Of two listening nodes,
 * the one with the smaller id dials, so pairs rarely race; an outbound-only node dials
 * everyone it can.
 *
 * @author LiteMesh team
 */
public final class Joiner {

	private static final Log logger = LogFactory.getLog(Joiner.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private final MeshSettings settings;

	private final LinkStateDatabase database;

	private final LinkRegistry links;

	private final Function<String, Mono<String>> dialer;

	private final Clock clock;

	private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

	private final Map<String, String> seedPeers = new ConcurrentHashMap<>();

	/**
	 * Create a joiner.
	 * @param settings the node's settings, with its seeds
	 * @param database the link-state database, for the nodes to dial
	 * @param links the node's links
	 * @param dialer dials a {@code host:port} and returns the id of the node reached
	 * @param clock the clock for back-off
	 */
	public Joiner(MeshSettings settings, LinkStateDatabase database, LinkRegistry links,
			Function<String, Mono<String>> dialer, Clock clock) {
		this.settings = settings;
		this.database = database;
		this.links = links;
		this.dialer = dialer;
		this.clock = clock;
	}

	/**
	 * Dial whatever is due: called periodically.
	 * @param routes the current routes, to tell unreachable nodes
	 * @param ownAddresses this node's own addresses, never dialled
	 */
	public void tick(Routes routes, List<String> ownAddresses) {
		for (String seed : this.settings.seeds()) {
			String peer = this.seedPeers.get(seed);
			if (peer != null && (peer.equals(this.settings.nodeId()) || this.links.get(peer) != null)) {
				continue;
			}
			dialIfDue(seed, null);
		}
		for (NodeAdvertisement advertisement : this.database.advertisements()) {
			String peer = advertisement.nodeId();
			if (peer.equals(this.settings.nodeId()) || advertisement.leaving() || advertisement.addresses().isEmpty()
					|| this.links.get(peer) != null) {
				continue;
			}
			boolean mine = !this.settings.listens() || this.settings.nodeId().compareTo(peer) < 0
					|| !routes.isReachable(peer);
			String address = advertisement.addresses().get(0);
			if (mine && !ownAddresses.contains(address)) {
				dialIfDue(address, peer);
			}
		}
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
		this.dialer.apply(address).subscribe((peer) -> {
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
		if (knownPeer != null && this.links.get(knownPeer) != null) {
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
