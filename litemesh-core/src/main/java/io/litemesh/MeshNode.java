/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import io.litemesh.observation.MeshObservations;
import io.litemesh.runtime.NodeOptions;
import io.litemesh.runtime.NodeRuntime;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.transport.memory.MemoryNetwork;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeHealth;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStatistics;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.ObjectMapper;

/**
 * One node of the mesh: a TCP server, links to peers, the link-state database and the
 * local services. Usable in a plain {@code main}; in Spring Boot the auto-configuration
 * creates it and starts it with the context.
 *
 * @author LiteMesh team
 */
public final class MeshNode implements AutoCloseable {

	private final NodeRuntime runtime;

	private MeshNode(NodeRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Start building a node.
	 * @return a builder with the default settings
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the id of this node.
	 * @return the node id
	 */
	public String nodeId() {
		return this.runtime.settings().nodeId();
	}

	/**
	 * Return the settings of this node.
	 * @return the settings
	 */
	public MeshSettings settings() {
		return this.runtime.settings();
	}

	/**
	 * Return who may connect to this node as a stock client and who may call which of its
	 * services.
	 * @return the client tokens and access rules; its {@code toString()} shows no token
	 */
	public MeshSecurity security() {
		return this.runtime.security();
	}

	/**
	 * Offer a bean's public methods as a service. Allowed before and after
	 * {@link #start()}; after it, the mesh learns of the service with the next
	 * advertisement, sent at once.
	 * @param name the service name
	 * @param version the version, {@code ""} when unset
	 * @param tags the tags
	 * @param bean the bean
	 * @throws IllegalStateException when the node already offers a service of that name,
	 * or the bean's endpoints break the rules (overloads, more than one payload
	 * parameter)
	 */
	public void registerService(String name, String version, Map<String, String> tags, Object bean) {
		this.runtime.registerService(name, version, tags, bean);
	}

	/**
	 * Offer a bean annotated with {@link MeshService} as a service.
	 * @param beanName the name to use when the annotation names no service
	 * @param bean the bean
	 */
	public void registerAnnotatedService(String beanName, Object bean) {
		registerAnnotatedService(beanName, bean, UnaryOperator.identity());
	}

	/**
	 * Offer a bean annotated with {@link MeshService} as a service, resolving
	 * placeholders such as {@code ${region}} in the annotation's name, version and tags.
	 * @param beanName the name to use when the annotation names no service
	 * @param bean the bean
	 * @param placeholderResolver resolves placeholders, typically the environment's
	 */
	public void registerAnnotatedService(String beanName, Object bean, UnaryOperator<String> placeholderResolver) {
		this.runtime.registerAnnotatedService(beanName, bean, placeholderResolver);
	}

	/**
	 * Start the node: bind the TCP server, check in to its mailbox stores, check the
	 * advertised address, join through the seeds. Returns once the server listens;
	 * joining goes on in the background.
	 * @return this node
	 */
	public MeshNode start() {
		this.runtime.start();
		return this;
	}

	/**
	 * Leave the mesh gracefully: tell the peers, then close every connection and the
	 * server.
	 */
	public void stop() {
		this.runtime.stop();
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Return whether the node runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		return this.runtime.isRunning();
	}

	/**
	 * Return the addresses other nodes dial to reach this node.
	 * @return URIs such as {@code tcp://127.0.0.1:7070}; empty for an outbound-only node
	 */
	public List<String> addresses() {
		return this.runtime.addresses();
	}

	/**
	 * Return the mesh as this node sees it.
	 * @return a consistent snapshot
	 */
	public MeshSnapshot snapshot() {
		return this.runtime.snapshot();
	}

	/**
	 * Return the health of this node.
	 * @return {@code status} ({@code UP} or {@code DOWN}) and details
	 */
	public NodeHealth health() {
		return this.runtime.health();
	}

	/**
	 * Return the counters of this node, cheaper to read than {@link #health()}.
	 * @return the counters now
	 */
	public NodeStatistics statistics() {
		return this.runtime.statistics();
	}

	/**
	 * Fetch the state of any node, through the mesh when it is not this one.
	 * @param nodeId the node id
	 * @return the node's own description and health; {@link NoRouteException} for a node
	 * that is unknown or unreachable
	 */
	public Mono<NodeState> nodeState(String nodeId) {
		return this.runtime.nodeState(nodeId);
	}

	NodeRuntime runtime() {
		return this.runtime;
	}

	@Override
	public String toString() {
		return "MeshNode[" + nodeId() + "]";
	}

	/**
	 * Builds a {@link MeshNode}; every setting has the default of its {@code litemesh.*}
	 * property.
	 */
	public static final class Builder extends MeshSettings.Builder<Builder> {

		private final NodeOptions options = new NodeOptions();

		private Builder() {
		}

		/**
		 * Make every TCP connection the node accepts or dials TLS, with the given key and
		 * trust material. With {@link TcpTls.ClientAuth#NEED} the certificate proves
		 * membership, and, as with a secret, the server binds to every interface by
		 * default. Replace the material while the node runs with
		 * {@link TcpTls#reload(TcpTls.Material)}.
		 * @param tls the TLS settings, {@code null} for plain TCP
		 * @return this builder
		 */
		public Builder tls(@Nullable TcpTls tls) {
			this.options.tls(tls);
			return this;
		}

		/**
		 * Allow a non-loopback {@link #bindAddress(String) bind address} on a node that
		 * authenticates nobody (no secret, no TLS client certificates): any process that
		 * reaches it can join and call every service. Else such a node is not built.
		 * @param allowUnauthenticated {@code true} to accept the risk
		 * @return this builder
		 */
		public Builder allowUnauthenticated(boolean allowUnauthenticated) {
			this.options.allowUnauthenticated(allowUnauthenticated);
			return this;
		}

		/**
		 * For tests: restrict which peers the node links to over TCP and in-memory links,
		 * so tests can build exact topologies (chains, rings, islands) and cut links; the
		 * node closes a link the filter no longer allows. Durable transports link every
		 * live peer of their store: sharing a store is the topology.
		 * @param linkFilter tells, for this node's id and a peer's id, whether they may
		 * link
		 * @return this builder
		 */
		public Builder linkFilter(BiPredicate<String, String> linkFilter) {
			this.options.linkFilter(linkFilter);
			return this;
		}

		/**
		 * Join an in-memory network: the node links to the other nodes of the network, in
		 * this JVM, as it would over TCP, and by default runs its periodic tasks on the
		 * network's threads. With {@link #tcpEnabled(boolean) TCP off} the network is its
		 * only way to other nodes (besides stores); with TCP on it reaches both. Seeds of
		 * the form {@code memory://<network>/<nodeId>} are dialled in the network; with
		 * none, the network gives the node a few of its members.
		 * @param network the network, {@code null} for none
		 * @return this builder
		 */
		public Builder memoryNetwork(@Nullable MemoryNetwork network) {
			this.options.memoryNetwork(network);
			return this;
		}

		/**
		 * Add a durable transport: the node checks in to the store's registry, links to
		 * every live node of its cluster there, and receives messages through its
		 * mailbox, even from nodes it has no TCP route to. Its links cost more than TCP
		 * links, so they carry traffic where TCP does not reach, or when a TCP link
		 * fails. Call once per store; the node closes the stores when it stops.
		 * @param store the store, such as a
		 * {@link io.litemesh.transport.file.FileMailboxStore}
		 * @return this builder
		 */
		public Builder mailboxStore(MailboxStore store) {
			if (store == null) {
				throw new IllegalArgumentException("'store' must not be null");
			}
			this.options.mailboxStore(store);
			return this;
		}

		/**
		 * For tests: set the pace of the durable transports, so tests can shorten it.
		 * @param mailboxTimings check-in interval, lease and message lifetimes
		 * @return this builder
		 */
		public Builder mailboxTimings(MailboxTimings mailboxTimings) {
			this.options.mailboxTimings(mailboxTimings);
			return this;
		}

		/**
		 * Set the Jackson mapper for payloads, typically the application's own.
		 * @param mapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(ObjectMapper mapper) {
			this.options.jsonMapper(mapper);
			return this;
		}

		/**
		 * Set the clock of every layer: ageing, leases, expiry, back-off.
		 * @param clock the clock, such as a test clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.options.clock(clock);
			return this;
		}

		/**
		 * Set the scheduler of the node's periodic tasks (advertising, dialling); the
		 * caller owns it. By default the node runs them on its in-memory network's
		 * threads, if it has one, else on a single thread it makes and disposes.
		 * @param scheduler the scheduler, such as a virtual-time one in tests
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.options.scheduler(scheduler);
			return this;
		}

		/**
		 * Admit the stock RSocket client {@code name} with a token, as
		 * {@code litemesh.security.clients.<name>} does. With a secret set, stock clients
		 * must present a token in their SETUP (RSocket's authentication extension,
		 * {@code simple} with this name or {@code bearer}), and they call as
		 * {@code client:<name>}. In protected mode (no secret) clients may still connect
		 * without one.
		 * @param name the client's name: letters, digits, {@code .}, {@code _} or
		 * {@code -}
		 * @param token its token, unique among the clients; never logged or shown
		 * @return this builder
		 * @throws InvalidMeshSettingException when the name or token is bad
		 */
		public Builder clientToken(String name, String token) {
			MeshSecurity.checkClient(name, token);
			this.options.clientToken(name, token);
			return this;
		}

		/**
		 * Restrict who may call a service of this node, as
		 * {@code litemesh.security.access.<service>} does. A service with no rule may be
		 * called by every member and admitted client; the node itself may always call its
		 * own services.
		 * @param service the service
		 * @param rule a comma-separated list of node-id patterns with {@code *}
		 * ({@code catalog-*}), {@code client:<name>}, {@code client:*}, or {@code *} for
		 * everyone
		 * @return this builder
		 * @throws InvalidMeshSettingException when the rule is empty or malformed
		 */
		public Builder accessRule(String service, String rule) {
			MeshSecurity.checkAccessRule(service, rule);
			this.options.accessRule(service, rule);
			return this;
		}

		/**
		 * Observe the node's calls ({@code litemesh.client.requests} and
		 * {@code litemesh.server.requests}) and carry traces across hops.
		 * @param observations the registry and conventions to observe with
		 * @return this builder
		 */
		public Builder observations(MeshObservations observations) {
			this.options.observations(observations);
			return this;
		}

		/**
		 * Build the node, validating the settings.
		 * @return a node, not yet started
		 * @throws InvalidMeshSettingException when a setting is bad, or the node would
		 * listen on the network without authenticating its peers
		 */
		public MeshNode build() {
			MeshSettings settings = settings();
			UnauthenticatedBind.check(settings, this.options.tlsClientAuthRequired(),
					this.options.allowsUnauthenticated());
			return new MeshNode(new NodeRuntime(settings, this.options));
		}

	}

}
