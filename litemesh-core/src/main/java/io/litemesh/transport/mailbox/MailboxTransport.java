/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.security.SharedSecret;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.Transport;
import io.litemesh.view.TransportHealth;
import io.rsocket.RSocket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A node's transport over one {@link MailboxStore}: checks the node in to the store's
 * registry, keeps one {@link MailboxLink} per live peer of the cluster in the node's
 * {@link LinkRegistry} (gone when the peer's lease ends or it checks out), and polls the
 * node's mailbox on a thread of its own. Received messages are checked (signature with a
 * secret, expiry, the id against recent ones, since a store delivers at least once),
 * handed on, and acknowledged once handled. A store that fails is retried with back-off.
 * <p>
 * One class on purpose: check-in, discovery and polling run on one thread in one loop, so
 * that their order needs no locking; the message formats, the interactions, the sender
 * and the inbox checks are classes of their own.
 *
 * @author LiteMesh team
 */
public final class MailboxTransport implements Transport {

	private static final Log logger = LogFactory.getLog(MailboxTransport.class);

	private static final int BATCH = 64;

	/**
	 * How many of the largest messages one poll may read: the store's byte budget per
	 * claim is this many times the largest frame with its metadata.
	 */
	static final int CLAIM_BUDGET_FRAMES = 4;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final MailboxSettings settings;

	private final MailboxStore store;

	private final MailboxTimings timings;

	private final Clock clock;

	private final InboundHandler inbound;

	private final LinkRegistry registry;

	private final MailSigner signer;

	private final StoreHealth health;

	private final MailSender sender;

	private final Interactions interactions;

	private final Inbox inbox;

	private final Map<String, MailboxLink> links = new ConcurrentHashMap<>();

	private final Map<String, RSocket> responders = new ConcurrentHashMap<>();

	private final Map<String, Long> refusedUntil = new HashMap<>();

	private final Object lock = new Object();

	private final Thread poller;

	private final long claimBudget;

	private volatile boolean running;

	private volatile @Nullable Throwable fatal;

	private boolean awaiting;

	private boolean warnedIdClash;

	/**
	 * Create the transport of a node over a store.
	 * @param settings what the transport needs to know of its node
	 * @param store the store; the transport closes it when it stops
	 * @param secret the cluster's secret that signs messages, {@code null} for none
	 * @param inbound where received requests go
	 * @param registry where links to peers are registered
	 * @param clock the clock for leases and expiry
	 */
	public MailboxTransport(MailboxSettings settings, MailboxStore store, @Nullable SharedSecret secret,
			InboundHandler inbound, LinkRegistry registry, Clock clock) {
		this(settings, store, secret, inbound, registry, clock, new MessageDedupe());
	}

	/**
	 * Create the transport of a node over a store, sharing the ids of received messages
	 * with the node's other durable transports.
	 * @param settings what the transport needs to know of its node
	 * @param store the store; the transport closes it when it stops
	 * @param secret the cluster's secret that signs messages, {@code null} for none
	 * @param inbound where received requests go
	 * @param registry where links to peers are registered
	 * @param clock the clock for leases and expiry
	 * @param dedupe the ids of the messages the node received, one for all its durable
	 * transports
	 */
	public MailboxTransport(MailboxSettings settings, MailboxStore store, @Nullable SharedSecret secret,
			InboundHandler inbound, LinkRegistry registry, Clock clock, MessageDedupe dedupe) {
		this.settings = settings;
		this.store = store;
		this.timings = settings.timings();
		this.clock = clock;
		this.inbound = inbound;
		this.registry = registry;
		this.signer = new MailSigner(secret, settings.cluster(), store.transport());
		this.inbox = new Inbox(settings.nodeId(), store.transport(), this.signer, dedupe);
		this.claimBudget = CLAIM_BUDGET_FRAMES * ((long) settings.maxFrameSize() + MailMessage.MAX_METADATA);
		String name = "litemesh-" + settings.nodeId() + "-" + store.transport();
		this.health = new StoreHealth("The " + store.transport() + " transport of node " + settings.nodeId());
		this.sender = new MailSender(name + "-send", store, this.signer, this.health);
		this.interactions = new Interactions(settings.nodeId(), this.sender, this::responder, settings.requestTimeout(),
				this.timings.fireTtl(), settings.maxFrameSize(), clock);
		this.poller = new Thread(this::poll, name + "-poll");
		this.poller.setDaemon(true);
	}

	/**
	 * Return the transport name, as the graph shows its links.
	 * @return the store's transport name
	 */
	@Override
	public String name() {
		return this.store.transport();
	}

	/**
	 * Check in, link to the live peers, and start polling.
	 * @return no addresses: peers find this node through the store's registry
	 */
	@Override
	public List<String> start() {
		this.running = true;
		this.sender.start();
		try {
			// at once, so peers sharing only this store are linked when start returns
			checkInAndDiscover();
			this.health.succeeded();
		}
		catch (RuntimeException ex) {
			this.health.failed("check in", ex);
		}
		this.poller.start();
		return List.of();
	}

	private void poll() {
		long nextCheckIn = this.clock.millis() + this.timings.checkInInterval().toMillis();
		long nextExpire = this.clock.millis() + this.timings.expireInterval().toMillis();
		long backoff = 0;
		// handled but not yet acknowledged: the next claim deletes them in the same call,
		// one round trip and, on a database, one commit fewer per batch
		List<UUID> handled = List.of();
		while (this.running) {
			try {
				long now = this.clock.millis();
				if (now >= nextCheckIn) {
					checkInAndDiscover();
					this.interactions.expireServed(now, this::isLinked);
					nextCheckIn = now + this.timings.checkInInterval().toMillis();
				}
				if (now >= nextExpire) {
					this.inbox.expired(this.store.expire());
					nextExpire = now + this.timings.expireInterval().toMillis();
				}
				List<MailMessage> batch = this.store.acknowledgeAndClaim(handled, this.settings.nodeId(), BATCH,
						this.claimBudget);
				handled = List.of();
				if (!batch.isEmpty()) {
					this.inbox.handle(batch, this.clock.millis(), this.interactions::receive);
					// acknowledged by the claim that follows at once: a non-empty batch
					// never waits
					handled = batch.stream().map(MailMessage::id).toList();
				}
				this.health.succeeded();
				backoff = 0;
				if (batch.isEmpty()) {
					pause(Duration.ofMillis(Math.max(1, nextCheckIn - this.clock.millis())), true);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable ex) {
				// an Error too: a poller that ended quietly would leave the node deaf on
				// this transport while its health said UP; failed() logs a WARN
				if (!this.running) {
					break;
				}
				this.health.failed("poll its mailbox", ex);
				if (ex instanceof VirtualMachineError) {
					// the JVM may be out of memory or broken: polling on could only make
					// it worse. The transport stays DOWN with the error, for the health
					// and an operator to see.
					this.fatal = ex;
					logger.warn(this + " stopped polling after " + ex, ex);
					throw (VirtualMachineError) ex;
				}
				backoff = Math.min(MAX_BACKOFF.toMillis(), Math.max(100, backoff * 2));
				try {
					pause(Duration.ofMillis(backoff), false);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
		if (!handled.isEmpty()) {
			// stopped right after handling: acknowledged now, they cannot come back
			try {
				this.store.acknowledge(handled);
			}
			catch (RuntimeException ex) {
				logger.debug("Node " + this.settings.nodeId() + " could not acknowledge " + handled.size()
						+ " handled messages as it stopped; they come back after the claim timeout", ex);
			}
		}
	}

	private void pause(Duration timeout, boolean untilMail) throws InterruptedException {
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.awaiting = true;
		}
		try {
			if (untilMail) {
				this.store.awaitMail(this.settings.nodeId(), timeout);
			}
			else {
				Thread.sleep(timeout.toMillis());
			}
		}
		finally {
			synchronized (this.lock) {
				this.awaiting = false;
				// an interrupt meant for the wait must not hit the store's next I/O: a
				// JDBC driver may close its connection, or H2 its database, on one
				Thread.interrupted();
			}
		}
	}

	private void checkInAndDiscover() {
		if (!this.running) {
			return;
		}
		long now = this.clock.millis();
		String nodeId = this.settings.nodeId();
		// the store's I/O runs outside the lock, so that a slow store does not hold up
		// stop(), which joins this thread before it checks out
		this.store.checkIn(this.signer.sign(new RegistryEntry(nodeId, this.settings.cluster(),
				this.settings.incarnation(), now + this.timings.lease().toMillis())));
		Map<String, RegistryEntry> live = new HashMap<>();
		for (RegistryEntry entry : this.store.liveNodes(this.settings.cluster())) {
			if (!this.signer.verify(entry) || !entry.cluster().equals(this.settings.cluster())) {
				// whoever can write to the store could plant it: ignored
				this.inbox.rejectedEntry(entry);
			}
			else if (!entry.nodeId().equals(nodeId)) {
				live.put(entry.nodeId(), entry);
			}
			else if (entry.incarnation() > this.settings.incarnation() && !this.warnedIdClash) {
				this.warnedIdClash = true;
				logger.warn("Another node checks in to the " + this.store.transport() + " registry with the id "
						+ nodeId + " of this node; give every node a unique litemesh.node-id");
			}
		}
		synchronized (this.lock) {
			if (!this.running) {
				// stopped meanwhile: stop() disposes the links, so none may be added
				return;
			}
			this.links.forEach((peer, link) -> {
				RegistryEntry entry = live.get(peer);
				if (entry == null || entry.incarnation() != link.peerIncarnation() || link.isDisposed()) {
					link.dispose();
				}
			});
			live.values().forEach((entry) -> link(entry, now));
		}
	}

	private void link(RegistryEntry peer, long now) {
		MailboxLink current = this.links.get(peer.nodeId());
		if (current != null && !current.isDisposed()) {
			return;
		}
		Long refused = this.refusedUntil.get(peer.nodeId());
		if (refused != null && now < refused) {
			return;
		}
		MailboxLink link = new MailboxLink(peer.nodeId(), peer.incarnation(), this.store.transport(), this.interactions,
				this::closed);
		this.links.put(peer.nodeId(), link);
		if (this.registry.add(link)) {
			this.refusedUntil.remove(peer.nodeId());
		}
		else {
			// refused (a filter, or another link of this transport); try again later
			this.refusedUntil.put(peer.nodeId(), now + this.timings.lease().toMillis());
		}
	}

	private boolean isLinked(String peerId) {
		MailboxLink link = this.links.get(peerId);
		return link != null && !link.isDisposed();
	}

	private void closed(MailboxLink link) {
		this.links.remove(link.peerId(), link);
		this.responders.remove(link.peerId());
		this.interactions.linkClosed(link);
	}

	private RSocket responder(String peerId) {
		if (this.responders.size() > 4096) {
			// senders without a link (no secret: anyone who can write) must not grow this
			this.responders.clear();
		}
		return this.responders.computeIfAbsent(peerId, (peer) -> this.inbound.peerResponder(() -> peer));
	}

	/**
	 * Stop polling, check out, close the links and the store.
	 */
	@Override
	public void stop() {
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.running = false;
			// only a wait is cut short; store I/O under way ends on its own
			if (this.awaiting) {
				this.poller.interrupt();
			}
		}
		try {
			this.poller.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.store.checkOut(this.settings.nodeId());
		}
		catch (RuntimeException ex) {
			logger.debug("Node " + this.settings.nodeId() + " could not check out of the " + this.store.transport()
					+ " registry; its lease ends in " + this.timings.lease(), ex);
		}
		new ArrayList<>(this.links.values()).forEach(MailboxLink::dispose);
		this.sender.close(Duration.ofSeconds(2));
		this.store.close();
	}

	/**
	 * Return the state of the transport, for the node's health.
	 * @return {@code UP} or {@code DOWN} and counters
	 */
	@Override
	public TransportHealth health() {
		Throwable fatal = this.fatal;
		String status = (this.running && this.health.isUp() && fatal == null) ? "UP" : "DOWN";
		String error = (fatal != null) ? "stopped polling: " + fatal : this.health.lastError();
		return this.inbox.health(status, this.links.size(), this.store.rejected(), this.interactions.pendingRequests(),
				error);
	}

	@Override
	public String toString() {
		return this.store.transport() + " transport of node " + this.settings.nodeId();
	}

}
