/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import io.litemesh.codec.JsonCodec;
import io.litemesh.membership.MeshSnapshot;
import io.litemesh.membership.NodeState;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
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

	private MeshNode(MeshSettings settings, JsonCodec codec, Clock clock, BiPredicate<String, String> linkFilter,
			List<MailboxStore> mailboxStores, MailboxTimings mailboxTimings) {
		this.runtime = new NodeRuntime(settings, codec, clock, linkFilter, mailboxStores, mailboxTimings);
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

	/**
	 * Same as {@link #stop()}.
	 */
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
	public Map<String, Object> health() {
		return this.runtime.health();
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
	public static final class Builder {

		private String nodeId = "litemesh-" + randomSuffix();

		private String cluster = MeshSettings.DEFAULT_CLUSTER;

		private int tcpPort = MeshSettings.DEFAULT_TCP_PORT;

		private @Nullable String bindAddress;

		private @Nullable String advertisedAddress;

		private List<String> seeds = new ArrayList<>();

		private Duration requestTimeout = MeshSettings.DEFAULT_REQUEST_TIMEOUT;

		private int maxFrameSize = MeshSettings.DEFAULT_MAX_FRAME_SIZE;

		private int maxHops = MeshSettings.DEFAULT_MAX_HOPS;

		private @Nullable String secret;

		private Duration advertiseInterval = Duration.ofSeconds(5);

		private Duration advertisementTtl = Duration.ofSeconds(20);

		private Duration keepAliveInterval = Duration.ofMillis(500);

		private Duration keepAliveTimeout = Duration.ofSeconds(2);

		private Duration reconnectMaxBackoff = Duration.ofSeconds(5);

		private int maxLinks = MeshSettings.DEFAULT_MAX_LINKS;

		private boolean tcpEnabled = true;

		private BiPredicate<String, String> linkFilter = (local, peer) -> true;

		private final List<MailboxStore> mailboxStores = new ArrayList<>();

		private MailboxTimings mailboxTimings = MailboxTimings.DEFAULT;

		private @Nullable ObjectMapper mapper;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Random characters for default node ids, as {@code litemesh.node-id} defaults
		 * to.
		 * @return six lowercase letters and digits
		 */
		public static String randomSuffix() {
			String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
			StringBuilder suffix = new StringBuilder(6);
			for (int i = 0; i < 6; i++) {
				suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
			}
			return suffix.toString();
		}

		/**
		 * Set the unique id of this node.
		 * @param nodeId the node id
		 * @return this builder
		 */
		public Builder nodeId(String nodeId) {
			this.nodeId = nodeId;
			return this;
		}

		/**
		 * Set the cluster; nodes of another cluster are refused.
		 * @param cluster the cluster name
		 * @return this builder
		 */
		public Builder cluster(String cluster) {
			this.cluster = cluster;
			return this;
		}

		/**
		 * Set the TCP port: {@code 0} for an ephemeral port, {@code -1} for none.
		 * @param tcpPort the port
		 * @return this builder
		 */
		public Builder tcpPort(int tcpPort) {
			this.tcpPort = tcpPort;
			return this;
		}

		/**
		 * Set the address the TCP server binds to.
		 * @param bindAddress the address, {@code null} for protected mode's loopback
		 * @return this builder
		 */
		public Builder bindAddress(@Nullable String bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		/**
		 * Set the address other nodes dial.
		 * @param advertisedAddress {@code host} or {@code host:port}, {@code null} to
		 * detect
		 * @return this builder
		 */
		public Builder advertisedAddress(@Nullable String advertisedAddress) {
			this.advertisedAddress = advertisedAddress;
			return this;
		}

		/**
		 * Set the {@code host:port} addresses to join through.
		 * @param seeds the seeds
		 * @return this builder
		 */
		public Builder seeds(List<String> seeds) {
			this.seeds = new ArrayList<>(seeds);
			return this;
		}

		/**
		 * Set how long a caller waits for an answer.
		 * @param requestTimeout the timeout
		 * @return this builder
		 */
		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		/**
		 * Set the largest frame or payload accepted or sent.
		 * @param maxFrameSize the size in bytes
		 * @return this builder
		 */
		public Builder maxFrameSize(int maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		/**
		 * Set the most hops a message may take.
		 * @param maxHops the hop limit
		 * @return this builder
		 */
		public Builder maxHops(int maxHops) {
			this.maxHops = maxHops;
			return this;
		}

		/**
		 * Set the shared secret of the cluster.
		 * @param secret the secret, {@code null} for none
		 * @return this builder
		 */
		public Builder secret(@Nullable String secret) {
			this.secret = secret;
			return this;
		}

		/**
		 * Set how often the node refreshes its advertisement.
		 * @param advertiseInterval the interval
		 * @return this builder
		 */
		public Builder advertiseInterval(Duration advertiseInterval) {
			this.advertiseInterval = advertiseInterval;
			return this;
		}

		/**
		 * Set how long an advertisement lives without a refresh.
		 * @param advertisementTtl the time to live
		 * @return this builder
		 */
		public Builder advertisementTtl(Duration advertisementTtl) {
			this.advertisementTtl = advertisementTtl;
			return this;
		}

		/**
		 * Set the RSocket keepalive interval and timeout of every connection.
		 * @param interval how often keepalive frames are sent
		 * @param timeout how long without one before the connection is closed
		 * @return this builder
		 */
		public Builder keepAlive(Duration interval, Duration timeout) {
			this.keepAliveInterval = interval;
			this.keepAliveTimeout = timeout;
			return this;
		}

		/**
		 * Set the longest pause between two attempts to dial a seed.
		 * @param reconnectMaxBackoff the pause
		 * @return this builder
		 */
		public Builder reconnectMaxBackoff(Duration reconnectMaxBackoff) {
			this.reconnectMaxBackoff = reconnectMaxBackoff;
			return this;
		}

		/**
		 * Set whether the node uses TCP at all. Without it the node neither listens nor
		 * dials: it is reached through its durable transports (a database, a directory)
		 * only.
		 * @param tcpEnabled {@code false} to turn TCP off
		 * @return this builder
		 */
		public Builder tcpEnabled(boolean tcpEnabled) {
			this.tcpEnabled = tcpEnabled;
			return this;
		}

		/**
		 * Set the most TCP links the node keeps.
		 * @param maxLinks the bound
		 * @return this builder
		 */
		public Builder maxLinks(int maxLinks) {
			this.maxLinks = maxLinks;
			return this;
		}

		/**
		 * Restrict which peers the node links to over TCP, so tests can build exact
		 * topologies (chains, rings, islands) and cut links. Durable transports link
		 * every live peer of their store: sharing a store is the topology.
		 * @param linkFilter tells, for this node's id and a peer's id, whether they may
		 * link
		 * @return this builder
		 */
		Builder linkFilter(BiPredicate<String, String> linkFilter) {
			this.linkFilter = linkFilter;
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
			this.mailboxStores.add(store);
			return this;
		}

		/**
		 * Set the pace of the durable transports, so tests can shorten it.
		 * @param mailboxTimings check-in interval, lease and message lifetimes
		 * @return this builder
		 */
		Builder mailboxTimings(MailboxTimings mailboxTimings) {
			this.mailboxTimings = mailboxTimings;
			return this;
		}

		/**
		 * Set the Jackson mapper for payloads, typically the application's own.
		 * @param mapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(ObjectMapper mapper) {
			this.mapper = mapper;
			return this;
		}

		/**
		 * Set the clock that ages advertisements, for tests.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Build the node, validating the settings.
		 * @return a node, not yet started
		 */
		public MeshNode build() {
			if (!this.tcpEnabled && this.mailboxStores.isEmpty()) {
				throw new IllegalStateException("Node " + this.nodeId + " has TCP off (litemesh.tcp.enabled=false) "
						+ "and no database or shared directory to reach other nodes through; turn TCP on, give the "
						+ "application a DataSource, or set litemesh.file.directory");
			}
			MeshSettings settings = new MeshSettings(this.nodeId, this.cluster, this.tcpPort, this.bindAddress,
					this.advertisedAddress, this.seeds, this.requestTimeout, this.maxFrameSize, this.maxHops,
					this.secret, this.advertiseInterval, this.advertisementTtl, this.keepAliveInterval,
					this.keepAliveTimeout, this.reconnectMaxBackoff, this.maxLinks, this.tcpEnabled);
			JsonCodec codec = (this.mapper != null) ? new JsonCodec(this.mapper) : new JsonCodec();
			return new MeshNode(settings, codec, this.clock, this.linkFilter, List.copyOf(this.mailboxStores),
					this.mailboxTimings);
		}

	}

}
