/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import static io.litemesh.SettingChecks.optionalText;
import static io.litemesh.SettingChecks.requirePositive;
import static io.litemesh.SettingChecks.requirePresent;
import static io.litemesh.SettingChecks.requireRange;
import static io.litemesh.SettingChecks.requireSecret;
import static io.litemesh.SettingChecks.requireText;

/**
 * Everything a {@link MeshNode} is configured with; the defaults match the
 * {@code litemesh.*} property defaults. Built with {@link MeshNode#builder()}.
 *
 * @param nodeId unique id of this node
 * @param cluster nodes of another cluster are refused
 * @param tcpPort TCP port, {@code 0} for an ephemeral one, {@code -1} for no listening
 * socket
 * @param bindAddress address the TCP server binds to; {@code null} binds to loopback
 * unless a secret is set (protected mode)
 * @param advertisedAddress {@code host} or {@code host:port} other nodes dial;
 * {@code null} to detect it
 * @param seeds {@code host:port} addresses to join through
 * @param requestTimeout how long a caller waits for an answer, end to end
 * @param maxFrameSize largest frame or payload accepted or sent, in bytes
 * @param maxHops most hops a message may take
 * @param secret shared secret of the cluster, {@code null} for none
 * @param advertiseInterval how often a node refreshes its advertisement
 * @param advertisementTtl how long an advertisement lives without a refresh
 * @param keepAliveInterval how often RSocket keepalive frames are sent on every
 * connection
 * @param keepAliveTimeout how long without a keepalive before a connection is closed
 * @param reconnectMaxBackoff longest pause between two attempts to dial a seed
 * @param maxLinks most TCP links a node keeps; it dials about half of them itself and
 * closes links beyond the bound, so connections grow as O(n), not O(n^2)
 * @param ioThreads how many event-loop threads carry the node's TCP connections
 * @param tcpEnabled whether the node uses TCP at all
 * @param multicast UDP multicast beacons to find peers on a LAN without seeds
 * @author LiteMesh team
 */
public record MeshSettings(String nodeId, String cluster, int tcpPort, @Nullable String bindAddress,
		@Nullable String advertisedAddress, List<String> seeds, Duration requestTimeout, int maxFrameSize, int maxHops,
		@Nullable String secret, Duration advertiseInterval, Duration advertisementTtl, Duration keepAliveInterval,
		Duration keepAliveTimeout, Duration reconnectMaxBackoff, int maxLinks, int ioThreads, boolean tcpEnabled,
		MulticastDiscovery multicast) {

	/** Default cluster name. */
	public static final String DEFAULT_CLUSTER = "litemesh";

	/** Default TCP port. */
	public static final int DEFAULT_TCP_PORT = 7070;

	/** Default request timeout. */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** Default largest frame or payload: 16 MB. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

	/** Default bound on the TCP links of a node. */
	public static final int DEFAULT_MAX_LINKS = 8;

	/** Default number of event-loop threads of a node's TCP connections. */
	public static final int DEFAULT_IO_THREADS = 1;

	/** Default hop limit. */
	public static final int DEFAULT_MAX_HOPS = 8;

	/**
	 * Validate the settings eagerly, naming the bad value.
	 * @throws InvalidMeshSettingException naming the first bad setting
	 */
	public MeshSettings {
		requireText(nodeId, "nodeId", "node-id");
		requireText(cluster, "cluster", "cluster");
		requireRange(tcpPort, "tcpPort", "tcp.port", -1, 65535);
		optionalText(bindAddress, "bindAddress", "tcp.bind-address");
		optionalText(advertisedAddress, "advertisedAddress", "tcp.advertised-address");
		for (String seed : seeds) {
			if (seed == null || seed.isBlank()) {
				throw new InvalidMeshSettingException("seeds", "seeds", seeds,
						"must be 'host:port' addresses, none empty");
			}
		}
		seeds = seeds.stream().map(String::trim).toList();
		requirePositive(requestTimeout, "requestTimeout", "request-timeout");
		requireRange(maxFrameSize, "maxFrameSize", "max-frame-size", 1024, Integer.MAX_VALUE);
		requireRange(maxHops, "maxHops", "max-hops", 1, 255);
		requireSecret(secret);
		requirePositive(advertiseInterval, "advertiseInterval", "advertise-interval");
		requirePositive(advertisementTtl, "advertisementTtl", "advertisement-ttl");
		requirePositive(keepAliveInterval, "keepAliveInterval", "tcp.keep-alive-interval");
		requirePositive(keepAliveTimeout, "keepAliveTimeout", "tcp.keep-alive-timeout");
		requirePositive(reconnectMaxBackoff, "reconnectMaxBackoff", "tcp.reconnect-max-backoff");
		requireRange(maxLinks, "maxLinks", "tcp.max-links", 2, 1024);
		requireRange(ioThreads, "ioThreads", "tcp.io-threads", 1, 256);
		requirePresent(multicast, "multicast", "discovery.multicast");
	}

	@Override
	public String toString() {
		return "MeshSettings[nodeId=" + this.nodeId + ", cluster=" + this.cluster + ", tcpPort=" + this.tcpPort
				+ ", bindAddress=" + this.bindAddress + ", advertisedAddress=" + this.advertisedAddress + ", seeds="
				+ this.seeds + ", requestTimeout=" + this.requestTimeout + ", maxFrameSize=" + this.maxFrameSize
				+ ", maxHops=" + this.maxHops + ", secret=" + ((this.secret != null) ? "(hidden)" : "none")
				+ ", advertiseInterval=" + this.advertiseInterval + ", advertisementTtl=" + this.advertisementTtl
				+ ", keepAliveInterval=" + this.keepAliveInterval + ", keepAliveTimeout=" + this.keepAliveTimeout
				+ ", reconnectMaxBackoff=" + this.reconnectMaxBackoff + ", maxLinks=" + this.maxLinks + ", ioThreads="
				+ this.ioThreads + ", tcpEnabled=" + this.tcpEnabled + ", multicast=" + this.multicast + "]";
	}

	/**
	 * Return how many links a node dials itself; the rest of {@link #maxLinks()} is left
	 * for the links others dial to it.
	 * @return half the bound, at least 1
	 */
	public int targetLinks() {
		return Math.max(1, this.maxLinks / 2);
	}

	/**
	 * Return whether this node listens for TCP connections.
	 * @return {@code false} for an outbound-only node
	 */
	public boolean listens() {
		return this.tcpEnabled && this.tcpPort >= 0;
	}

	/**
	 * Collects the settings of a node; every one has the default of its
	 * {@code litemesh.*} property. {@link MeshNode.Builder} is the one applications use.
	 *
	 * @param <B> the concrete builder, returned by every setter
	 */
	public abstract static class Builder<B extends Builder<B>> {

		private String nodeId = "litemesh-" + randomSuffix();

		private String cluster = DEFAULT_CLUSTER;

		private int tcpPort = DEFAULT_TCP_PORT;

		private @Nullable String bindAddress;

		private @Nullable String advertisedAddress;

		private List<String> seeds = new ArrayList<>();

		private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

		private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

		private int maxHops = DEFAULT_MAX_HOPS;

		private @Nullable String secret;

		private Duration advertiseInterval = Duration.ofSeconds(5);

		private Duration advertisementTtl = Duration.ofSeconds(20);

		private Duration keepAliveInterval = Duration.ofMillis(500);

		private Duration keepAliveTimeout = Duration.ofSeconds(2);

		private Duration reconnectMaxBackoff = Duration.ofSeconds(5);

		private int maxLinks = DEFAULT_MAX_LINKS;

		private int ioThreads = DEFAULT_IO_THREADS;

		private boolean tcpEnabled = true;

		private MulticastDiscovery multicast = MulticastDiscovery.DISABLED;

		/**
		 * Create a builder with the defaults of the {@code litemesh.*} properties.
		 */
		protected Builder() {
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

		/**
		 * Random characters for default node ids, as {@code litemesh.node-id} defaults
		 * to.
		 * @return six lowercase letters and digits
		 */
		public static String randomSuffix() {
			return SettingChecks.randomSuffix(6);
		}

		/**
		 * Set the unique id of this node.
		 * @param nodeId the node id
		 * @return this builder
		 */
		public B nodeId(String nodeId) {
			this.nodeId = nodeId;
			return self();
		}

		/**
		 * Set the cluster; nodes of another cluster are refused.
		 * @param cluster the cluster name
		 * @return this builder
		 */
		public B cluster(String cluster) {
			this.cluster = cluster;
			return self();
		}

		/**
		 * Set the TCP port: {@code 0} for an ephemeral port, {@code -1} for none.
		 * @param tcpPort the port
		 * @return this builder
		 */
		public B tcpPort(int tcpPort) {
			this.tcpPort = tcpPort;
			return self();
		}

		/**
		 * Set the address the TCP server binds to.
		 * @param bindAddress the address, {@code null} for protected mode's loopback
		 * @return this builder
		 */
		public B bindAddress(@Nullable String bindAddress) {
			this.bindAddress = bindAddress;
			return self();
		}

		/**
		 * Set the address other nodes dial: {@code host} or {@code host:port}.
		 * @param advertisedAddress the address, {@code null} to detect it
		 * @return this builder
		 */
		public B advertisedAddress(@Nullable String advertisedAddress) {
			this.advertisedAddress = advertisedAddress;
			return self();
		}

		/**
		 * Set the {@code host:port} addresses to join through.
		 * @param seeds the seeds
		 * @return this builder
		 */
		public B seeds(List<String> seeds) {
			this.seeds = new ArrayList<>(seeds);
			return self();
		}

		/**
		 * Set how long a caller waits for an answer.
		 * @param requestTimeout the timeout
		 * @return this builder
		 */
		public B requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return self();
		}

		/**
		 * Set the largest frame or payload accepted or sent.
		 * @param maxFrameSize the size in bytes
		 * @return this builder
		 */
		public B maxFrameSize(int maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return self();
		}

		/**
		 * Set the most hops a message may take.
		 * @param maxHops the hop limit
		 * @return this builder
		 */
		public B maxHops(int maxHops) {
			this.maxHops = maxHops;
			return self();
		}

		/**
		 * Set the shared secret of the cluster.
		 * @param secret the secret, {@code null} for none
		 * @return this builder
		 */
		public B secret(@Nullable String secret) {
			this.secret = secret;
			return self();
		}

		/**
		 * Set how often the node refreshes its advertisement.
		 * @param advertiseInterval the interval
		 * @return this builder
		 */
		public B advertiseInterval(Duration advertiseInterval) {
			this.advertiseInterval = advertiseInterval;
			return self();
		}

		/**
		 * Set how long an advertisement lives without a refresh.
		 * @param advertisementTtl the time to live
		 * @return this builder
		 */
		public B advertisementTtl(Duration advertisementTtl) {
			this.advertisementTtl = advertisementTtl;
			return self();
		}

		/**
		 * Set the RSocket keepalive interval and timeout of every connection.
		 * @param interval how often keepalive frames are sent
		 * @param timeout how long without one before the connection is closed
		 * @return this builder
		 */
		public B keepAlive(Duration interval, Duration timeout) {
			this.keepAliveInterval = interval;
			this.keepAliveTimeout = timeout;
			return self();
		}

		/**
		 * Set the longest pause between two attempts to dial a seed.
		 * @param reconnectMaxBackoff the pause
		 * @return this builder
		 */
		public B reconnectMaxBackoff(Duration reconnectMaxBackoff) {
			this.reconnectMaxBackoff = reconnectMaxBackoff;
			return self();
		}

		/**
		 * Set whether the node uses TCP at all; without it the node is reached through
		 * its durable transports (a database, a directory) only.
		 * @param tcpEnabled {@code false} to turn TCP off
		 * @return this builder
		 */
		public B tcpEnabled(boolean tcpEnabled) {
			this.tcpEnabled = tcpEnabled;
			return self();
		}

		/**
		 * Set the most TCP links the node keeps.
		 * @param maxLinks the bound
		 * @return this builder
		 */
		public B maxLinks(int maxLinks) {
			this.maxLinks = maxLinks;
			return self();
		}

		/**
		 * Set how many event-loop threads carry the node's TCP connections: more than one
		 * spreads busy links over cores, at a thread hand-off per relayed message.
		 * @param ioThreads the number of threads
		 * @return this builder
		 */
		public B ioThreads(int ioThreads) {
			this.ioThreads = ioThreads;
			return self();
		}

		/**
		 * Set how the node announces itself and hears of peers on a LAN by UDP multicast.
		 * @param multicast the beacons, {@link MulticastDiscovery#DISABLED} for none
		 * @return this builder
		 */
		public B multicast(MulticastDiscovery multicast) {
			this.multicast = multicast;
			return self();
		}

		/**
		 * Return the settings set so far, validated.
		 * @return the settings
		 * @throws InvalidMeshSettingException naming the first bad setting
		 */
		public MeshSettings settings() {
			return new MeshSettings(this.nodeId, this.cluster, this.tcpPort, this.bindAddress, this.advertisedAddress,
					this.seeds, this.requestTimeout, this.maxFrameSize, this.maxHops, this.secret,
					this.advertiseInterval, this.advertisementTtl, this.keepAliveInterval, this.keepAliveTimeout,
					this.reconnectMaxBackoff, this.maxLinks, this.ioThreads, this.tcpEnabled, this.multicast);
		}

	}

}
