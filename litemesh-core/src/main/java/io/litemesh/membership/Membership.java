/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.litemesh.MeshSettings;
import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.view.ServiceInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the link-state database of one node current: advertises the node whenever its
 * links or services change and periodically as a refresh, takes the newer advertisements
 * neighbours send (and has them flooded on), ages out silent nodes, and tells its
 * {@link MembershipListener} of every change.
 * <p>
 * One class on purpose: what a node accepts into its database (bounds, clusters, who may
 * speak for whom) and what it advertises of itself change together under one lock;
 * flooding, the database and the routes are classes of their own.
 *
 * @author LiteMesh team
 */
public final class Membership implements LinkRegistry.Listener {

	private static final Log logger = LogFactory.getLog(Membership.class);

	private static final TypeReference<List<NodeAdvertisement>> ADVERTISEMENTS = new TypeReference<>() {
	};

	private static final TypeReference<List<DigestEntry>> DIGEST = new TypeReference<>() {
	};

	/**
	 * Most nodes the link-state database holds: a bound on what insiders can make it
	 * hold.
	 */
	public static final int MAX_NODES = 10_000;

	/**
	 * How far ahead of this node's clock an incarnation (a start time) may be: beyond it
	 * the advertisement is a forgery meant to win against every real one.
	 */
	private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

	private final MeshSettings settings;

	private final long incarnation;

	private final LinkStateDatabase database;

	private final Supplier<List<ServiceInfo>> services;

	private final Supplier<List<String>> addresses;

	private final MembershipListener listener;

	private final Clock clock;

	private final SecurityEvents events;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Flooder flooder;

	private final DatabaseSync sync;

	private final Coalescer routeUpdates;

	private final Coalescer ownFloods;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private @Nullable LinkRegistry links;

	private volatile boolean leaving;

	private long notifiedVersion = -1;

	/**
	 * Create the membership of a node.
	 * @param settings the node's settings
	 * @param clock the clock that ages advertisements
	 * @param incarnation when the node started
	 * @param services the services the node offers now
	 * @param addresses the addresses the node advertises now
	 * @param listener told of every change of the database
	 * @param events where forged and excess advertisements are counted
	 * @param scheduler where route computations deferred to coalesce a burst of changes
	 * run
	 */
	public Membership(MeshSettings settings, Clock clock, long incarnation, Supplier<List<ServiceInfo>> services,
			Supplier<List<String>> addresses, MembershipListener listener, SecurityEvents events, Scheduler scheduler) {
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.incarnation = incarnation;
		this.database = new LinkStateDatabase(settings.nodeId(), clock);
		this.services = services;
		this.addresses = addresses;
		this.listener = listener;
		this.flooder = new Flooder(settings.nodeId(), this::links, this.mapper);
		this.sync = new DatabaseSync(settings.nodeId(), this.database, this.flooder);
		this.routeUpdates = new Coalescer(this::notifyListener, scheduler, Coalescer.ROUTE_HOLD);
		this.ownFloods = new Coalescer(this::floodOwn, scheduler, Coalescer.ADVERTISE_HOLD);
	}

	/**
	 * Set the links to flood over; called once while the node is wired.
	 * @param links the node's links
	 */
	public void setLinks(LinkRegistry links) {
		this.links = links;
	}

	/**
	 * Build a new advertisement of this node, route by it at once, and flood it to every
	 * neighbour: at once after a quiet spell or when it lost a link, else with the other
	 * changes of the hold time, so that a node whose links come up one after another
	 * floods a few advertisements rather than one per link.
	 */
	public void advertise() {
		// bad news travels at once: the others stop routing over a link that is gone
		this.ownFloods.changed(updateOwnAdvertisement());
	}

	private boolean updateOwnAdvertisement() {
		NodeAdvertisement own = ownAdvertisement(this.leaving);
		LinkStateDatabase.Entry previous = this.database.get(this.settings.nodeId());
		this.database.update(own);
		this.routeUpdates.changed(true);
		// bad news: it lost a link or a service
		return previous != null && own.loses(previous.advertisement());
	}

	private void floodOwn() {
		LinkStateDatabase.Entry own = this.database.get(this.settings.nodeId());
		if (own != null) {
			this.flooder.flood(List.of(own.advertisement()), null);
		}
	}

	private NodeAdvertisement ownAdvertisement(boolean leaving) {
		List<LinkInfo> linkInfos = new ArrayList<>();
		for (Link link : links().links()) {
			linkInfos.add(new LinkInfo(link.peerId(), link.transport(), link.cost()));
		}
		// in a stable order, so a refresh says the same as the advertisement before it
		linkInfos.sort(Comparator.comparing(LinkInfo::to).thenComparing(LinkInfo::transport));
		return new NodeAdvertisement(this.settings.nodeId(), this.settings.cluster(), this.incarnation,
				this.sequence.incrementAndGet(), this.addresses.get(), linkInfos, this.services.get(), leaving);
	}

	/**
	 * Take advertisements a neighbour sent: store the newer ones and flood them on.
	 * @param json the advertisements, a JSON array
	 * @param fromPeer the neighbour they came from, not flooded back to
	 */
	public void receive(byte[] json, @Nullable String fromPeer) {
		List<NodeAdvertisement> received = this.mapper.readValue(json, ADVERTISEMENTS);
		if (received == null || received.size() > MAX_NODES) {
			this.dropped.addAndGet((received != null) ? received.size() : 1);
			return;
		}
		List<NodeAdvertisement> accepted = new ArrayList<>();
		boolean badNews = false;
		for (NodeAdvertisement advertisement : received) {
			if (isAcceptable(advertisement) && mayBeFrom(advertisement, fromPeer) && hasRoomFor(advertisement)) {
				LinkStateDatabase.Entry held = this.database.get(advertisement.nodeId());
				if (this.database.update(advertisement)) {
					accepted.add(advertisement);
					badNews |= held != null && advertisement.loses(held.advertisement());
				}
			}
		}
		if (!accepted.isEmpty()) {
			// a lost link or a leaving node is routed around at once, or traffic would
			// loop
			// or go to the node that leaves until the hold time ends
			this.routeUpdates.changed(badNews);
			this.flooder.flood(accepted, fromPeer);
		}
	}

	/**
	 * Take the digest a new neighbour sent: send it what it lacks, and flood it nothing
	 * it holds for a while.
	 * @param json the digest, a JSON array
	 * @param fromPeer the neighbour
	 */
	public void receiveDigest(byte[] json, @Nullable String fromPeer) {
		Map<String, DigestEntry> held = DigestEntry.parse(this.mapper.readValue(json, DIGEST), MAX_NODES);
		if (held == null || fromPeer == null) {
			this.dropped.incrementAndGet();
			return;
		}
		this.sync.digest(held, fromPeer, links());
	}

	private boolean isAcceptable(@Nullable NodeAdvertisement advertisement) {
		if (advertisement == null || !AdvertisementBounds.isWithin(advertisement)) {
			this.dropped.incrementAndGet();
			return false;
		}
		if (!this.settings.cluster().equals(advertisement.cluster())) {
			this.dropped.incrementAndGet();
			return false;
		}
		if (advertisement.nodeId().equals(this.settings.nodeId())) {
			if (advertisement.incarnation() > this.incarnation) {
				logger.warn("Another node advertises the id " + advertisement.nodeId() + " of this node; "
						+ "give every node a unique litemesh.node-id");
			}
			return false;
		}
		return true;
	}

	/**
	 * Return whether a neighbour may hand on an advertisement. No advertisement may claim
	 * an incarnation (a start time) far in the future: that is a forgery meant to win
	 * against every real one, refused and counted. A node this node is linked to speaks
	 * for itself over its own link, so a copy relayed by another neighbour that claims a
	 * newer incarnation or the leave of such a node is not taken: when it is genuine (the
	 * relay was faster than a mailbox link) the node's own copy follows over its link, so
	 * it is ignored quietly rather than counted as an attack.
	 */
	private boolean mayBeFrom(NodeAdvertisement advertisement, @Nullable String fromPeer) {
		String nodeId = advertisement.nodeId();
		if (advertisement.incarnation() > this.clock.millis() + MAX_CLOCK_SKEW.toMillis()) {
			return forged(advertisement, fromPeer, "an incarnation in the future");
		}
		if (nodeId.equals(fromPeer)) {
			return true;
		}
		Link direct = links().get(nodeId);
		long proven = (direct != null) ? direct.peerIncarnation() : -1;
		if (proven >= 0 && (advertisement.incarnation() > proven
				|| (advertisement.leaving() && advertisement.incarnation() == proven))) {
			logger.debug("Node " + this.settings.nodeId() + " waits for node " + nodeId + " to say over its own link "
					+ "what neighbour " + fromPeer + " relayed: "
					+ (advertisement.leaving() ? "its leave" : "incarnation " + advertisement.incarnation()));
			return false;
		}
		return true;
	}

	private boolean forged(NodeAdvertisement advertisement, @Nullable String fromPeer, String what) {
		this.events.refused(Refusal.FORGED_ADVERTISEMENT,
				"an advertisement of node " + SecurityEvents.quote(advertisement.nodeId()) + " from neighbour "
						+ SecurityEvents.quote(fromPeer) + " with " + what);
		return false;
	}

	private boolean hasRoomFor(NodeAdvertisement advertisement) {
		if (this.database.size() < MAX_NODES || this.database.get(advertisement.nodeId()) != null) {
			return true;
		}
		this.events.refused(Refusal.DATABASE_FULL, "an advertisement of a new node beyond the bound of " + MAX_NODES
				+ " nodes in the link-state database");
		return false;
	}

	/**
	 * Refresh this node's advertisement and age out the advertisements of silent nodes.
	 */
	public void tick() {
		List<String> expired = this.database.expire(this.settings.advertisementTtl());
		if (!expired.isEmpty()) {
			logger.debug("Advertisements aged out: " + expired);
		}
		advertise();
	}

	/**
	 * Tell every neighbour that this node leaves, waiting (bounded) for them to confirm.
	 * @param timeout how long to wait for the confirmations
	 */
	public void leave(Duration timeout) {
		this.leaving = true;
		NodeAdvertisement own = ownAdvertisement(true);
		this.database.update(own);
		this.routeUpdates.changed(true);
		this.flooder.leave(own, timeout);
	}

	@Override
	public void linkUp(Link link) {
		logger.debug("Link up: " + link);
		boolean badNews = updateOwnAdvertisement();
		// the database, with the advertisement linking this node to the peer, before
		// that flood: a member's view is complete once its neighbours are reachable
		this.sync.linkUp(link);
		this.ownFloods.changed(badNews);
	}

	@Override
	public void linkDown(Link link) {
		logger.debug("Link down: " + link);
		if (links().get(link.peerId()) == null) {
			this.sync.forget(link.peerId());
		}
		if (!this.leaving) {
			advertise();
		}
	}

	private LinkRegistry links() {
		LinkRegistry registry = this.links;
		if (registry == null) {
			throw new IllegalStateException("Membership used before its links were set");
		}
		return registry;
	}

	/**
	 * Compute the routes now if a change waits for the end of a hold time, so that a view
	 * of the mesh shows the routes of the database it shows.
	 */
	public synchronized void settle() {
		notifyListener();
	}

	private synchronized void notifyListener() {
		long version = this.database.version();
		if (version == this.notifiedVersion) {
			return;
		}
		this.notifiedVersion = version;
		this.listener.membershipChanged(this.database.advertisements());
	}

	/**
	 * Return the link-state database.
	 * @return the database
	 */
	public LinkStateDatabase database() {
		return this.database;
	}

	/**
	 * Return how many membership messages (advertisements and digests) this node sent to
	 * its neighbours.
	 * @return the count
	 */
	public long sentMessages() {
		return this.flooder.messages();
	}

	/**
	 * Return how many bytes of JSON those messages carried.
	 * @return the count
	 */
	public long sentBytes() {
		return this.flooder.bytes();
	}

	/**
	 * Return how many advertisements were dropped as malformed, oversized or foreign.
	 * @return the count
	 */
	public long droppedAdvertisements() {
		return this.dropped.get();
	}

	/**
	 * Return whether this node is leaving the mesh.
	 * @return {@code true} once {@link #leave(Duration)} was called
	 */
	public boolean isLeaving() {
		return this.leaving;
	}

	/**
	 * Return when this node started, as its advertisements say.
	 * @return the incarnation
	 */
	public long incarnation() {
		return this.incarnation;
	}

}
