/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.litemesh.MeshSettings;
import io.litemesh.codec.Envelope;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the link-state database of one node current: floods the node's own advertisement
 * whenever its links or services change and periodically as a refresh, floods on every
 * newer advertisement it receives, ages out silent nodes, and recomputes routes on every
 * change.
 *
 * @author LiteMesh team
 */
public final class Membership implements LinkRegistry.Listener {

	private static final Log logger = LogFactory.getLog(Membership.class);

	/** Control operation that carries advertisements between neighbours. */
	public static final String ADVERTISE = "advertise";

	/** Control operation by which a node tells its neighbours it leaves. */
	public static final String LEAVE = "leave";

	private static final TypeReference<List<NodeAdvertisement>> ADVERTISEMENTS = new TypeReference<>() {
	};

	private final MeshSettings settings;

	private final Clock clock;

	private final long incarnation;

	private final LinkStateDatabase database;

	private final Supplier<List<ServiceInfo>> services;

	private final Supplier<List<String>> addresses;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private @Nullable LinkRegistry links;

	private volatile Routes routes;

	private volatile boolean leaving;

	private long routesVersion = -1;

	/**
	 * The newest advertisement of every node, republished with the routes on every
	 * change.
	 */
	private volatile Map<String, NodeAdvertisement> advertisements = Map.of();

	/**
	 * Create the membership of a node.
	 * @param settings the node's settings
	 * @param clock the clock that ages advertisements
	 * @param incarnation when the node started
	 * @param services the services the node offers now
	 * @param addresses the addresses the node advertises now
	 */
	public Membership(MeshSettings settings, Clock clock, long incarnation, Supplier<List<ServiceInfo>> services,
			Supplier<List<String>> addresses) {
		this.settings = settings;
		this.clock = clock;
		this.incarnation = incarnation;
		this.database = new LinkStateDatabase(settings.nodeId(), clock);
		this.services = services;
		this.addresses = addresses;
		this.routes = Routes.compute(settings.nodeId(), List.of());
	}

	/**
	 * Set the links to flood over; called once while the node is wired.
	 * @param links the node's links
	 */
	public void setLinks(LinkRegistry links) {
		this.links = links;
	}

	/**
	 * Build a new advertisement of this node and flood it to every neighbour.
	 */
	public void advertise() {
		advertise(null);
	}

	private void advertise(@Nullable String exceptPeer) {
		NodeAdvertisement own = ownAdvertisement(this.leaving);
		this.database.update(own);
		changed();
		flood(List.of(own), exceptPeer);
	}

	private NodeAdvertisement ownAdvertisement(boolean leaving) {
		List<LinkInfo> linkInfos = new ArrayList<>();
		for (Link link : links().links()) {
			linkInfos.add(new LinkInfo(link.peerId(), link.transport(), link.cost()));
		}
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
		List<NodeAdvertisement> accepted = new ArrayList<>();
		for (NodeAdvertisement advertisement : received) {
			if (isAcceptable(advertisement) && this.database.update(advertisement)) {
				accepted.add(advertisement);
			}
		}
		if (!accepted.isEmpty()) {
			changed();
			flood(accepted, fromPeer);
		}
	}

	private boolean isAcceptable(@Nullable NodeAdvertisement advertisement) {
		if (advertisement == null || advertisement.nodeId() == null || advertisement.nodeId().isBlank()
				|| advertisement.nodeId().length() > 256 || advertisement.links().size() > NodeAdvertisement.MAX_LINKS
				|| advertisement.services().size() > NodeAdvertisement.MAX_SERVICES) {
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
		changed();
		byte[] json = this.mapper.writeValueAsBytes(List.of(own));
		Flux.fromIterable(links().links())
			.flatMap((link) -> link.rsocket()
				.requestResponse(control(LEAVE, json))
				.doOnNext(Payload::release)
				.then()
				.onErrorComplete())
			.then()
			.timeout(timeout, Mono.empty())
			.block();
	}

	@Override
	public void linkUp(Link link) {
		logger.debug("Link up: " + link);
		// the new neighbour gets the whole database, this node's new advertisement
		// included
		advertise(link.peerId());
		send(link, this.database.advertisements());
	}

	@Override
	public void linkDown(Link link) {
		logger.debug("Link down: " + link);
		if (!this.leaving) {
			advertise();
		}
	}

	private void flood(List<NodeAdvertisement> advertisements, @Nullable String exceptPeer) {
		byte[] json = this.mapper.writeValueAsBytes(advertisements);
		// one copy per neighbour, over its cheapest link, though it may be linked several
		// ways
		Set<String> peers = new HashSet<>();
		for (Link link : links().links()) {
			peers.add(link.peerId());
		}
		peers.remove(exceptPeer);
		for (String peer : peers) {
			Link cheapest = links().get(peer);
			if (cheapest != null) {
				send(cheapest, json);
			}
		}
	}

	private void send(Link link, List<NodeAdvertisement> advertisements) {
		send(link, this.mapper.writeValueAsBytes(advertisements));
	}

	private void send(Link link, byte[] json) {
		link.rsocket()
			.fireAndForget(control(ADVERTISE, json))
			.subscribe(null, (ex) -> logger.debug("Could not send advertisements to " + link.peerId(), ex));
	}

	private Payload control(String operation, byte[] json) {
		Envelope envelope = Envelope.control(this.settings.nodeId(), "", operation);
		return ByteBufPayload.create(Unpooled.wrappedBuffer(json), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	private LinkRegistry links() {
		LinkRegistry registry = this.links;
		if (registry == null) {
			throw new IllegalStateException("Membership used before its links were set");
		}
		return registry;
	}

	private synchronized void changed() {
		long version = this.database.version();
		if (version == this.routesVersion) {
			return;
		}
		this.routesVersion = version;
		Map<String, NodeAdvertisement> byId = new HashMap<>();
		for (NodeAdvertisement advertisement : this.database.advertisements()) {
			byId.put(advertisement.nodeId(), advertisement);
		}
		Routes previous = this.routes;
		Routes computed = Routes.compute(this.settings.nodeId(), byId.values());
		this.advertisements = Map.copyOf(byId);
		this.routes = computed;
		for (String id : computed.reachable()) {
			if (!previous.isReachable(id) && !id.equals(this.settings.nodeId())) {
				Routes.Route route = computed.route(id);
				logger.info("Node " + this.settings.nodeId() + ": peer " + id + " joined the mesh ("
						+ ((route != null) ? route.hops() + " hop(s) via " + route.nextHop() : "") + ")");
			}
		}
		for (String id : previous.reachable()) {
			if (!computed.isReachable(id)) {
				NodeAdvertisement gone = byId.get(id);
				String why = (gone == null) ? "aged out" : gone.leaving() ? "left gracefully" : "unreachable";
				logger.info("Node " + this.settings.nodeId() + ": peer " + id + " left the mesh (" + why + ")");
			}
		}
	}

	/**
	 * Return the routes for the current database.
	 * @return the routes
	 */
	public Routes routes() {
		// every change to the database recomputes the routes, so a request only reads
		// them
		return this.routes;
	}

	/**
	 * Return the newest advertisement of a node, as of the current routes.
	 * @param nodeId the node
	 * @return the advertisement, {@code null} when the node is unknown
	 */
	public @Nullable NodeAdvertisement advertisement(String nodeId) {
		return this.advertisements.get(nodeId);
	}

	/**
	 * Return the newest advertisement of every known node, as of the current routes; no
	 * copy is made, so callers on the request path may use it freely.
	 * @return the advertisements
	 */
	public Collection<NodeAdvertisement> advertisements() {
		return this.advertisements.values();
	}

	/**
	 * Return the link-state database.
	 * @return the database
	 */
	public LinkStateDatabase database() {
		return this.database;
	}

	/**
	 * Return how many advertisements were dropped as malformed, oversized or foreign.
	 * @return the count
	 */
	public long droppedAdvertisements() {
		return this.dropped.get();
	}

	/**
	 * Return the status of a node as this node sees it.
	 * @param entry the node's database entry
	 * @param routes the current routes
	 * @return the status
	 */
	public NodeStatus status(LinkStateDatabase.Entry entry, Routes routes) {
		NodeAdvertisement advertisement = entry.advertisement();
		if (advertisement.nodeId().equals(this.settings.nodeId())) {
			return this.leaving ? NodeStatus.LEAVING : NodeStatus.UP;
		}
		if (advertisement.leaving()) {
			return NodeStatus.LEAVING;
		}
		if (!routes.isReachable(advertisement.nodeId())) {
			return NodeStatus.DOWN;
		}
		Duration overdue = this.settings.advertiseInterval().multipliedBy(5).dividedBy(2);
		Instant limit = this.clock.instant().minus(overdue);
		return entry.receivedAt().isBefore(limit) ? NodeStatus.SUSPECT : NodeStatus.UP;
	}

	/**
	 * Return a consistent view of the mesh.
	 * @return the snapshot
	 */
	public MeshSnapshot snapshot() {
		Routes current = routes();
		List<NodeView> nodes = new ArrayList<>();
		TreeMap<String, LinkView> linkViews = new TreeMap<>();
		NodeView local = null;
		List<LinkStateDatabase.Entry> entries = new ArrayList<>(this.database.entries());
		entries.sort((a, b) -> a.advertisement().nodeId().compareTo(b.advertisement().nodeId()));
		for (LinkStateDatabase.Entry entry : entries) {
			NodeAdvertisement advertisement = entry.advertisement();
			NodeView view = view(entry, current);
			nodes.add(view);
			if (view.id().equals(this.settings.nodeId())) {
				local = view;
			}
			for (LinkInfo link : advertisement.links()) {
				LinkStateDatabase.Entry other = this.database.get(link.to());
				if (other != null && other.advertisement().linksTo(advertisement.nodeId())) {
					String from = min(advertisement.nodeId(), link.to());
					String to = max(advertisement.nodeId(), link.to());
					linkViews.putIfAbsent(from + "\u0000" + to + "\u0000" + link.transport(),
							new LinkView(from, to, link.transport(), link.cost()));
				}
			}
		}
		if (local == null) {
			local = new NodeView(this.settings.nodeId(), this.settings.cluster(), NodeStatus.UP, this.addresses.get(),
					this.services.get(), null, 0, this.incarnation);
		}
		return new MeshSnapshot(local, nodes, List.copyOf(linkViews.values()));
	}

	private NodeView view(LinkStateDatabase.Entry entry, Routes routes) {
		NodeAdvertisement advertisement = entry.advertisement();
		Routes.Route route = routes.route(advertisement.nodeId());
		boolean local = advertisement.nodeId().equals(this.settings.nodeId());
		return new NodeView(advertisement.nodeId(), advertisement.cluster(), status(entry, routes),
				advertisement.addresses(), advertisement.services(), (route != null && !local) ? route.nextHop() : null,
				(route != null) ? route.hops() : -1, advertisement.incarnation());
	}

	private static String min(String a, String b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String max(String a, String b) {
		return (a.compareTo(b) <= 0) ? b : a;
	}

}
