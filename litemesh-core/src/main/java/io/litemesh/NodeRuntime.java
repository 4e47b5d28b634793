/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.litemesh.codec.JsonCodec;
import io.litemesh.invoke.LocalService;
import io.litemesh.invoke.ServiceRegistry;
import io.litemesh.membership.Joiner;
import io.litemesh.membership.Membership;
import io.litemesh.membership.MeshSnapshot;
import io.litemesh.membership.NodeState;
import io.litemesh.membership.NodeView;
import io.litemesh.membership.ServiceInfo;
import io.litemesh.routing.ProviderSelector;
import io.litemesh.routing.Responders;
import io.litemesh.routing.Router;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.Hello;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.transport.tcp.HostAndPort;
import io.litemesh.transport.tcp.TcpTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the layers of one node (transport, membership, routing, local services), starts
 * them bottom-up and stops them top-down. Package-private: {@link MeshNode} is its public
 * face.
 *
 * @author LiteMesh team
 */
final class NodeRuntime {

	private static final Log logger = LogFactory.getLog(NodeRuntime.class);

	private static final Duration JOIN_TICK = Duration.ofMillis(100);

	private enum State {

		NEW, RUNNING, STOPPED

	}

	private final MeshSettings settings;

	private final JsonCodec codec;

	private final JsonMapper controlMapper = JsonMapper.builder().build();

	private final ServiceRegistry services;

	private final Membership membership;

	private final LinkRegistry links;

	private final Router router;

	private final ProviderSelector selector;

	private final TcpTransport tcp;

	private final MailboxTransports mailboxes;

	private final Joiner joiner;

	private final Scheduler scheduler;

	private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

	private final List<Disposable> tasks = new ArrayList<>();

	private volatile List<String> addresses = List.of();

	private volatile @Nullable Boolean advertisedAddressVerified;

	NodeRuntime(MeshSettings settings, JsonCodec codec, Clock clock, BiPredicate<String, String> linkFilter,
			List<MailboxStore> stores, MailboxTimings mailboxTimings) {
		this.settings = settings;
		this.codec = codec;
		long incarnation = clock.millis();
		this.services = new ServiceRegistry(codec);
		this.membership = new Membership(settings, clock, incarnation, this::serviceInfos, () -> this.addresses);
		Predicate<String> allowed = (peer) -> linkFilter.test(settings.nodeId(), peer);
		// the filter shapes what the joiner dials; durable transports link every live
		// peer
		// of their store
		this.links = new LinkRegistry(settings.nodeId(), this.membership,
				(link) -> !link.transport().equals("tcp") || allowed.test(link.peerId()));
		this.membership.setLinks(this.links);
		this.router = new Router(settings, this.membership, this.links, this.services);
		this.selector = new ProviderSelector(settings.nodeId(), this.membership, this.router::load);
		Responders responders = new Responders(settings.nodeId(), this.router, this.selector, this.membership,
				() -> this.controlMapper.writeValueAsBytes(localState()));
		Hello hello = new Hello(Hello.PROTOCOL, settings.nodeId(), settings.cluster(), incarnation, 0, null);
		SharedSecret secret = (settings.secret() != null) ? new SharedSecret(settings.secret(), clock) : null;
		this.tcp = new TcpTransport(settings, hello, secret, responders, this.links);
		this.mailboxes = new MailboxTransports(settings, stores, incarnation, secret, responders, this.links,
				mailboxTimings, clock);
		this.joiner = new Joiner(settings, this.membership.database(), this.links, allowed,
				(address) -> this.tcp.dial(HostAndPort.parse(address, MeshSettings.DEFAULT_TCP_PORT))
					.map(Hello::nodeId),
				clock);
		this.scheduler = Schedulers.newSingle("litemesh-" + settings.nodeId() + "-timer", true);
	}

	MeshSettings settings() {
		return this.settings;
	}

	JsonCodec codec() {
		return this.codec;
	}

	Router router() {
		return this.router;
	}

	ProviderSelector selector() {
		return this.selector;
	}

	void registerService(String name, String version, Map<String, String> tags, Object bean) {
		this.services.register(name, version, tags, bean);
		serviceAdded();
	}

	void registerAnnotatedService(String beanName, Object bean, UnaryOperator<String> resolver) {
		this.services.registerAnnotated(beanName, bean, resolver);
		serviceAdded();
	}

	private void serviceAdded() {
		if (isRunning()) {
			this.membership.advertise();
		}
	}

	void start() {
		if (!this.state.compareAndSet(State.NEW, State.RUNNING)) {
			throw new IllegalStateException("Node " + this.settings.nodeId() + " was already started; a stopped node "
					+ "cannot restart, build a new one with the same id");
		}
		HostAndPort advertised = this.tcp.start();
		this.addresses = (advertised != null) ? List.of(advertised.toUri()) : List.of();
		this.mailboxes.start();
		this.membership.advertise();
		if (advertised != null) {
			checkAdvertisedAddress(advertised);
		}
		this.tasks.add(schedule(this::joinTick, JOIN_TICK));
		this.tasks.add(schedule(this.membership::tick, this.settings.advertiseInterval()));
		logger.info("LiteMesh node " + this.settings.nodeId() + " started: cluster '" + this.settings.cluster()
				+ "', addresses "
				+ (!this.addresses.isEmpty() ? this.addresses
						: this.settings.tcpEnabled() ? "none (outbound only)" : "none (TCP off)")
				+ ", transports " + transports() + ", services "
				+ this.services.services().stream().map(LocalService::name).toList() + ", seeds "
				+ this.settings.seeds());
	}

	private List<String> transports() {
		List<String> transports = new ArrayList<>(this.settings.tcpEnabled() ? List.of("tcp") : List.of());
		transports.addAll(this.mailboxes.names());
		return transports;
	}

	private void joinTick() {
		this.joiner.tick(this.membership.routes(), this.addresses);
	}

	private Disposable schedule(Runnable task, Duration period) {
		Runnable guarded = () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Node " + this.settings.nodeId() + ": periodic task failed", ex);
			}
		};
		return this.scheduler.schedulePeriodically(guarded, 0, period.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void checkAdvertisedAddress(HostAndPort advertised) {
		try {
			Hello reached = this.tcp.dial(advertised).block(Duration.ofSeconds(5));
			this.advertisedAddressVerified = reached != null && reached.nodeId().equals(this.settings.nodeId());
			if (this.advertisedAddressVerified) {
				return;
			}
			logger.warn("Node " + this.settings.nodeId() + " advertises " + advertised.toUri() + " but reached node "
					+ ((reached != null) ? reached.nodeId() : "none") + " there; set litemesh.tcp.advertised-address "
					+ "to an address of this node that other nodes can dial");
		}
		catch (RuntimeException ex) {
			this.advertisedAddressVerified = false;
			logger.warn("Node " + this.settings.nodeId() + " cannot reach itself at its advertised address "
					+ advertised.toUri() + " (" + ex.getMessage() + "), so peers will not be able to dial it; set "
					+ "litemesh.tcp.advertised-address to an address of this node that other nodes can dial");
		}
	}

	void stop() {
		if (!this.state.compareAndSet(State.RUNNING, State.STOPPED)) {
			this.state.compareAndSet(State.NEW, State.STOPPED);
			return;
		}
		this.tasks.forEach(Disposable::dispose);
		try {
			this.membership.leave(Duration.ofSeconds(1));
		}
		catch (RuntimeException ex) {
			logger.debug("Node " + this.settings.nodeId() + " could not tell every neighbour it leaves", ex);
		}
		this.mailboxes.stop();
		this.links.disposeAll();
		this.tcp.stop();
		this.scheduler.dispose();
		logger.info("LiteMesh node " + this.settings.nodeId() + " left the mesh");
	}

	boolean isRunning() {
		return this.state.get() == State.RUNNING;
	}

	List<String> addresses() {
		return this.addresses;
	}

	MeshSnapshot snapshot() {
		return this.membership.snapshot();
	}

	Map<String, Object> health() {
		String localId = this.settings.nodeId();
		long known = this.membership.advertisements().stream().filter((node) -> !node.nodeId().equals(localId)).count();
		// routes hold the local node and every node reachable and not leaving
		long reachable = this.membership.routes().reachable().size() - 1L;
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", isRunning() ? "UP" : "DOWN");
		health.put("nodeId", this.settings.nodeId());
		health.put("peersKnown", known);
		health.put("peersReachable", reachable);
		health.put("links", this.links.links().size());
		health.put("messagesSent", this.router.sentMessages());
		health.put("hopLimitDrops", this.router.hopLimitDrops());
		health.put("malformedMessages", this.router.malformedMessages());
		health.put("droppedAdvertisements", this.membership.droppedAdvertisements());
		health.put("refusedConnections", this.tcp.refusedConnections());
		List<Map<String, Object>> transports = this.mailboxes.health();
		if (!transports.isEmpty()) {
			health.put("transports", transports);
		}
		if (this.advertisedAddressVerified != null) {
			health.put("advertisedAddressVerified", this.advertisedAddressVerified);
		}
		return health;
	}

	NodeState localState() {
		NodeView local = snapshot().local();
		return new NodeState(local, health());
	}

	Mono<NodeState> nodeState(String nodeId) {
		if (nodeId.equals(this.settings.nodeId())) {
			return Mono.fromSupplier(this::localState);
		}
		return Mono.defer(() -> {
			if (this.membership.advertisement(nodeId) == null) {
				return Mono
					.error(new NoRouteException("Node '" + nodeId + "' is unknown to node " + this.settings.nodeId()));
			}
			return this.router.nodeState(nodeId)
				.map((json) -> this.controlMapper.readValue(json, NodeState.class))
				.timeout(this.settings.requestTimeout(), Mono.error(() -> new MeshTimeoutException(
						"Node '" + nodeId + "' did not report its state within " + this.settings.requestTimeout())));
		});
	}

	private List<ServiceInfo> serviceInfos() {
		List<ServiceInfo> infos = new ArrayList<>();
		for (LocalService service : this.services.services()) {
			infos.add(new ServiceInfo(service.name(), service.version(), service.endpointNames(), service.tags()));
		}
		return infos;
	}

}
