/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.litemesh.MeshSecurity;
import io.litemesh.MeshSettings;
import io.litemesh.codec.JsonCodec;
import io.litemesh.invoke.LocalService;
import io.litemesh.invoke.ServiceRegistry;
import io.litemesh.membership.Membership;
import io.litemesh.routing.AccessRules;
import io.litemesh.routing.MeshViews;
import io.litemesh.routing.ProviderSelector;
import io.litemesh.routing.Responders;
import io.litemesh.routing.RouteTable;
import io.litemesh.routing.Router;
import io.litemesh.routing.RoutingStatistics;
import io.litemesh.security.SecurityEvents;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.Transport;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeHealth;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStatistics;
import io.litemesh.view.ServiceInfo;
import io.litemesh.view.TransportHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the layers of one node (transports, membership, routing, local services), starts
 * them bottom-up and stops them top-down: the engine behind {@link io.litemesh.MeshNode}
 * and {@link io.litemesh.MeshTemplate}.
 * <p>
 * One class on purpose: it is the composition root, the one place that knows every layer,
 * and most of its lines are the Javadoc of what {@code MeshNode} hands on to it.
 *
 * @author LiteMesh team
 */
public final class NodeRuntime {

	private static final Log logger = LogFactory.getLog(NodeRuntime.class);

	private enum State {

		NEW, RUNNING, STOPPED

	}

	private final MeshSettings settings;

	private final MeshSecurity security;

	private final JsonMapper controlMapper = JsonMapper.builder().build();

	private final Scheduler scheduler;

	private final boolean ownScheduler;

	private final ServiceRegistry services;

	private final RouteTable routeTable;

	private final Membership membership;

	private final LinkRegistry links;

	private final Router router;

	private final MeshViews views;

	private final NodeQueries queries;

	private final SecurityEvents events;

	private final NodeTransports transports;

	private final MeshCalls calls;

	private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

	private final List<Disposable> tasks = new ArrayList<>();

	private volatile List<String> addresses = List.of();

	/**
	 * Wire a node.
	 * @param settings the node's settings
	 * @param options what the node is built from besides its settings: stores, TLS,
	 * mapper, clock, scheduler (by default the in-memory network's, else a thread the
	 * runtime makes and disposes), security, link filter, in-memory network
	 */
	public NodeRuntime(MeshSettings settings, NodeOptions options) {
		this.settings = settings;
		this.security = options.security();
		Scheduler shared = options.sharedScheduler();
		this.scheduler = (shared != null) ? shared
				: Schedulers.newSingle("litemesh-" + settings.nodeId() + "-timer", true);
		this.ownScheduler = shared == null;
		Clock clock = options.clock;
		JsonCodec codec = options.codec();
		long incarnation = clock.millis();
		String nodeId = settings.nodeId();
		this.services = new ServiceRegistry(codec);
		this.events = new SecurityEvents(nodeId, clock);
		this.routeTable = new RouteTable(nodeId);
		this.membership = new Membership(settings, clock, incarnation, this::serviceInfos, () -> this.addresses,
				this.routeTable, this.events, scheduler);
		this.links = new LinkRegistry(nodeId, this.membership);
		this.membership.setLinks(this.links);
		this.router = new Router(settings, this.routeTable, this.links, this.services,
				AccessRules.compile(nodeId, this.security.accessRules()), options.observations);
		ProviderSelector selector = new ProviderSelector(nodeId, this.routeTable, this.router::load);
		this.views = new MeshViews(nodeId, settings.cluster(), settings.advertiseInterval(), clock, this.membership,
				this.routeTable, () -> this.addresses, this::serviceInfos);
		this.queries = new NodeQueries(settings, this::snapshot, this::localState, this.routeTable, this.router,
				this.controlMapper);
		Responders responders = new Responders(nodeId, this.router, selector, this.membership,
				() -> this.controlMapper.writeValueAsBytes(localState()), this.events, this.queries);
		this.transports = new NodeTransports(settings, options, incarnation, this.security, this.events, responders,
				this.links, this.membership.database(), this.routeTable, clock, this.scheduler);
		this.calls = new MeshCalls(nodeId, this.router, selector, codec, settings.requestTimeout(),
				options.observations);
	}

	/**
	 * Return the node's settings.
	 * @return the settings
	 */
	public MeshSettings settings() {
		return this.settings;
	}

	/**
	 * Return the node's client tokens and access rules.
	 * @return the security settings
	 */
	public MeshSecurity security() {
		return this.security;
	}

	/**
	 * Return the calls applications make through this node.
	 * @return the calls behind {@link io.litemesh.MeshTemplate}
	 */
	public MeshCalls calls() {
		return this.calls;
	}

	/**
	 * Offer a service.
	 * @param name the service name
	 * @param version the version, {@code ""} for none
	 * @param tags the tags
	 * @param bean the bean whose public methods are the endpoints
	 */
	public void registerService(String name, String version, Map<String, String> tags, Object bean) {
		this.services.register(name, version, tags, bean);
		serviceAdded();
	}

	/**
	 * Offer the service of a bean annotated with {@link io.litemesh.MeshService}.
	 * @param beanName the bean name, the service name by default
	 * @param bean the bean
	 * @param resolver resolves {@code ${...}} placeholders in the annotation
	 */
	public void registerAnnotatedService(String beanName, Object bean, UnaryOperator<String> resolver) {
		this.services.registerAnnotated(beanName, bean, resolver);
		serviceAdded();
	}

	private void serviceAdded() {
		if (isRunning()) {
			this.membership.advertise();
		}
	}

	/**
	 * Start the transports in order, advertise the node and start its periodic tasks.
	 */
	public void start() {
		if (!this.state.compareAndSet(State.NEW, State.RUNNING)) {
			throw new IllegalStateException("Node " + this.settings.nodeId() + " was already started; a stopped node "
					+ "cannot restart, build a new one with the same id");
		}
		List<String> advertised = new ArrayList<>();
		for (Transport transport : this.transports.all()) {
			advertised.addAll(transport.start());
			this.addresses = List.copyOf(advertised);
		}
		Discovery.start(this.transports.beacons(), this.addresses, this.settings);
		this.membership.advertise();
		this.tasks.add(schedule(this.membership::tick, this.settings.advertiseInterval()));
		this.tasks.add(schedule(this.router::pingLinks, this.settings.keepAliveInterval()));
		logger.info("LiteMesh node " + this.settings.nodeId() + " started: cluster '" + this.settings.cluster()
				+ "', addresses "
				+ (!this.addresses.isEmpty() ? this.addresses
						: this.settings.tcpEnabled() ? "none (outbound only)" : "none (TCP off)")
				+ ", transports " + this.transports.all().stream().map(Transport::name).toList() + ", services "
				+ this.services.services().stream().map(LocalService::name).toList() + ", seeds "
				+ this.settings.seeds());
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

	/**
	 * Tell the neighbours this node leaves, then stop the transports in reverse order.
	 */
	public void stop() {
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
		Discovery.stop(this.transports.beacons());
		List<Transport> started = this.transports.all();
		for (int i = started.size() - 1; i >= 0; i--) {
			stop(started.get(i));
		}
		this.links.disposeAll();
		if (this.ownScheduler) {
			this.scheduler.dispose();
		}
		logger.info("LiteMesh node " + this.settings.nodeId() + " left the mesh");
	}

	private void stop(Transport transport) {
		try {
			transport.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("Node " + this.settings.nodeId() + " could not stop its " + transport.name() + " transport",
					ex);
		}
	}

	/**
	 * Return whether the node runs.
	 * @return {@code true} between start and stop
	 */
	public boolean isRunning() {
		return this.state.get() == State.RUNNING;
	}

	/**
	 * Return the addresses other nodes dial.
	 * @return URIs such as {@code tcp://host:port}
	 */
	public List<String> addresses() {
		return this.addresses;
	}

	/**
	 * Return the mesh as this node sees it.
	 * @return the snapshot
	 */
	public MeshSnapshot snapshot() {
		this.membership.settle();
		return this.views.snapshot();
	}

	/**
	 * Return the node's counters and per-peer figures, for meters: linear in the nodes it
	 * knows, no I/O.
	 * @return the counters now
	 */
	public NodeStatistics statistics() {
		String localId = this.settings.nodeId();
		long known = this.routeTable.advertisements().stream().filter((node) -> !node.nodeId().equals(localId)).count();
		long reachable = this.routeTable.reachablePeers();
		RoutingStatistics routing = this.router.statistics();
		return new NodeStatistics(known, reachable, this.links.links().size(), routing.messagesSent(),
				routing.hopLimitDrops(), routing.malformedMessages(), this.membership.droppedAdvertisements(),
				this.transports.refusedConnections(), routing.deniedCalls(), this.events.counts(),
				this.router.peerStatistics(), this.membership.sentMessages(), this.membership.sentBytes(),
				this.membership.database().version(), this.routeTable.computations());
	}

	/**
	 * Return the node's health.
	 * @return the health
	 */
	public NodeHealth health() {
		List<TransportHealth> transportHealth = new ArrayList<>();
		for (Transport transport : this.transports.all()) {
			TransportHealth health = transport.health();
			if (health != null) {
				transportHealth.add(health);
			}
		}
		return NodeHealth.of(isRunning(), this.settings.nodeId(), statistics(), transportHealth,
				this.transports.advertisedAddressVerified());
	}

	private NodeState localState() {
		return new NodeState(snapshot().local(), health());
	}

	/**
	 * Return the state of any node, fetched through the mesh.
	 * @param nodeId the node
	 * @return its state; a {@link io.litemesh.NoRouteException} for an unknown node
	 */
	public Mono<NodeState> nodeState(String nodeId) {
		return this.queries.nodeState(nodeId);
	}

	private List<ServiceInfo> serviceInfos() {
		List<ServiceInfo> infos = new ArrayList<>();
		for (LocalService service : this.services.services()) {
			infos.add(new ServiceInfo(service.name(), service.version(), service.endpointNames(), service.tags()));
		}
		return infos;
	}

}
