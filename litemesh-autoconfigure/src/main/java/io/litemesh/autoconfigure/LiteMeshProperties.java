/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.litemesh.transport.tcp.TcpTls;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for LiteMesh. The defaults match those of
 * {@link io.litemesh.MeshNode.Builder}. Values are checked when the auto-configured node
 * is created: a bad one fails startup with an
 * {@link org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException}
 * that names its key.
 *
 * @author LiteMesh team
 */
@ConfigurationProperties("litemesh")
public class LiteMeshProperties {

	/**
	 * Whether to enable LiteMesh. When disabled, the application does not join a mesh.
	 */
	private boolean enabled = true;

	/**
	 * Unique id of this node. Defaults to the application name followed by a dash and six
	 * random characters.
	 */
	private @Nullable String nodeId;

	/**
	 * Name of the cluster. Nodes of another cluster are refused.
	 */
	private String cluster = "litemesh";

	/**
	 * Addresses, as 'host:port', of the nodes to join the mesh through.
	 */
	private List<String> seeds = new ArrayList<>();

	/**
	 * Maximum time a caller waits for an answer, end to end, whatever the number of hops.
	 */
	private Duration requestTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum size of a frame or payload. Larger ones are refused.
	 */
	private DataSize maxFrameSize = DataSize.ofMegabytes(16);

	/**
	 * Maximum number of hops a message may take. A message that would take more is
	 * dropped.
	 */
	private int maxHops = 8;

	/**
	 * Interval at which a node refreshes its advertisement to the mesh.
	 */
	private Duration advertiseInterval = Duration.ofSeconds(5);

	/**
	 * Time to live of an advertisement that is not refreshed.
	 */
	private Duration advertisementTtl = Duration.ofSeconds(20);

	private final Tcp tcp = new Tcp();

	private final Jdbc jdbc = new Jdbc();

	private final File file = new File();

	private final Security security = new Security();

	private final Discovery discovery = new Discovery();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getNodeId() {
		return this.nodeId;
	}

	public void setNodeId(@Nullable String nodeId) {
		this.nodeId = nodeId;
	}

	public String getCluster() {
		return this.cluster;
	}

	public void setCluster(String cluster) {
		this.cluster = cluster;
	}

	public List<String> getSeeds() {
		return this.seeds;
	}

	public void setSeeds(List<String> seeds) {
		this.seeds = seeds;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	public int getMaxHops() {
		return this.maxHops;
	}

	public void setMaxHops(int maxHops) {
		this.maxHops = maxHops;
	}

	public Duration getAdvertiseInterval() {
		return this.advertiseInterval;
	}

	public void setAdvertiseInterval(Duration advertiseInterval) {
		this.advertiseInterval = advertiseInterval;
	}

	public Duration getAdvertisementTtl() {
		return this.advertisementTtl;
	}

	public void setAdvertisementTtl(Duration advertisementTtl) {
		this.advertisementTtl = advertisementTtl;
	}

	public Discovery getDiscovery() {
		return this.discovery;
	}

	public Tcp getTcp() {
		return this.tcp;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public File getFile() {
		return this.file;
	}

	public Security getSecurity() {
		return this.security;
	}

	/**
	 * TCP transport properties.
	 */
	public static class Tcp {

		/**
		 * Port of the TCP server. Use 0 for an ephemeral port, -1 for no server at all
		 * (an outbound-only node).
		 */
		private int port = 7070;

		/**
		 * Network address the TCP server binds to. Defaults to every interface when the
		 * node authenticates its peers (a security secret, or an SSL bundle with client
		 * authentication 'need'), and to the loopback address only otherwise. A
		 * non-loopback address on a node that authenticates nobody fails startup unless
		 * 'litemesh.security.allow-unauthenticated' is set.
		 */
		private @Nullable String bindAddress;

		/**
		 * Address, as 'host' or 'host:port', that other nodes dial to reach this node.
		 * Detected when not set.
		 */
		private @Nullable String advertisedAddress;

		/**
		 * Interval at which keepalive frames are sent on every connection.
		 */
		private Duration keepAliveInterval = Duration.ofMillis(500);

		/**
		 * Time without a keepalive frame after which a connection is closed.
		 */
		private Duration keepAliveTimeout = Duration.ofSeconds(2);

		/**
		 * Maximum pause between two attempts to dial a seed.
		 */
		private Duration reconnectMaxBackoff = Duration.ofSeconds(5);

		/**
		 * Whether to use TCP at all. When disabled, the node neither listens nor dials
		 * and is reached through its database or shared directory only.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of TCP links a node keeps. It dials about half of them itself
		 * and closes links beyond the bound; other nodes are reached through relays.
		 */
		private int maxLinks = 8;

		/**
		 * Number of event-loop threads that carry the node's TCP connections. One keeps a
		 * message relayed from link to link on the thread that read it; more lets a node
		 * with many busy links use more cores for them.
		 */
		private int ioThreads = 1;

		private final Ssl ssl = new Ssl();

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getBindAddress() {
			return this.bindAddress;
		}

		public void setBindAddress(@Nullable String bindAddress) {
			this.bindAddress = bindAddress;
		}

		public @Nullable String getAdvertisedAddress() {
			return this.advertisedAddress;
		}

		public void setAdvertisedAddress(@Nullable String advertisedAddress) {
			this.advertisedAddress = advertisedAddress;
		}

		public Duration getKeepAliveInterval() {
			return this.keepAliveInterval;
		}

		public void setKeepAliveInterval(Duration keepAliveInterval) {
			this.keepAliveInterval = keepAliveInterval;
		}

		public Duration getKeepAliveTimeout() {
			return this.keepAliveTimeout;
		}

		public void setKeepAliveTimeout(Duration keepAliveTimeout) {
			this.keepAliveTimeout = keepAliveTimeout;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxLinks() {
			return this.maxLinks;
		}

		public void setMaxLinks(int maxLinks) {
			this.maxLinks = maxLinks;
		}

		public int getIoThreads() {
			return this.ioThreads;
		}

		public void setIoThreads(int ioThreads) {
			this.ioThreads = ioThreads;
		}

		public Duration getReconnectMaxBackoff() {
			return this.reconnectMaxBackoff;
		}

		public void setReconnectMaxBackoff(Duration reconnectMaxBackoff) {
			this.reconnectMaxBackoff = reconnectMaxBackoff;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		/**
		 * TLS properties of the TCP transport.
		 */
		public static class Ssl {

			/**
			 * Name of the SSL bundle (spring.ssl.bundle.jks.* or spring.ssl.bundle.pem.*)
			 * that secures every TCP connection the node accepts or dials. Its keystore
			 * holds the node's certificate, its truststore the CA that makes a
			 * certificate a member. When not set, TCP is plain.
			 */
			private @Nullable String bundle;

			/**
			 * Whether nodes and clients that dial this node must present a certificate
			 * the bundle trusts: 'need' makes the certificate the proof of membership,
			 * 'want' checks one when presented, 'none' asks for none.
			 */
			private TcpTls.ClientAuth clientAuth = TcpTls.ClientAuth.NEED;

			public @Nullable String getBundle() {
				return this.bundle;
			}

			public void setBundle(@Nullable String bundle) {
				this.bundle = bundle;
			}

			public TcpTls.ClientAuth getClientAuth() {
				return this.clientAuth;
			}

			public void setClientAuth(TcpTls.ClientAuth clientAuth) {
				this.clientAuth = clientAuth;
			}

		}

	}

	/**
	 * JDBC-table transport properties.
	 */
	public static class Jdbc {

		/**
		 * Whether to enable the JDBC-table transport and registry. Enabled by default
		 * when a DataSource bean exists.
		 */
		private @Nullable Boolean enabled;

		/**
		 * When to create the registry and mailbox tables: for an embedded database only,
		 * always, or never. Missing tables fail startup.
		 */
		private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

		/**
		 * Prefix of the registry and mailbox table names: a letter followed by at most 39
		 * letters, digits or underscores.
		 */
		private String tablePrefix = "LITEMESH_";

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public DatabaseInitializationMode getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

	}

	/**
	 * Shared-directory transport properties.
	 */
	public static class File {

		/**
		 * Shared directory that nodes use as registry and mailboxes. The transport is off
		 * when not set.
		 */
		private @Nullable String directory;

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

	}

	/**
	 * Security properties.
	 */
	public static class Security {

		/**
		 * Shared secret that nodes prove knowledge of when they connect. When neither it
		 * nor TLS client certificates are set, the TCP server binds to the loopback
		 * address only.
		 */
		private @Nullable String secret;

		/**
		 * Whether to allow a non-loopback 'litemesh.tcp.bind-address' on a node that
		 * authenticates nobody (no secret and no SSL bundle with client authentication
		 * 'need'). Any process that reaches the address can then join the mesh and call
		 * its services.
		 */
		private boolean allowUnauthenticated;

		/**
		 * Token of each stock RSocket client, by client name. With a secret, a client is
		 * admitted only with RSocket's authentication extension in its SETUP metadata:
		 * "simple" with its name and token, or "bearer" with its token; it then calls as
		 * 'client:<name>'. Without a secret (loopback only), clients may also connect
		 * without credentials.
		 */
		private Map<String, String> clients = new LinkedHashMap<>();

		/**
		 * Who may call each service of this node, by service name: a comma-separated list
		 * of node-id patterns with '*' (such as 'catalog-*'), 'client:<name>', 'client:*'
		 * for every admitted client, or '*' for everyone. A service with no entry may be
		 * called by every member and admitted client; a node may always call its own
		 * services.
		 */
		private Map<String, String> access = new LinkedHashMap<>();

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public boolean isAllowUnauthenticated() {
			return this.allowUnauthenticated;
		}

		public void setAllowUnauthenticated(boolean allowUnauthenticated) {
			this.allowUnauthenticated = allowUnauthenticated;

		}

		public Map<String, String> getClients() {
			return this.clients;
		}

		public void setClients(Map<String, String> clients) {
			this.clients = clients;
		}

		public Map<String, String> getAccess() {
			return this.access;
		}

		public void setAccess(Map<String, String> access) {
			this.access = access;
		}

	}

	/**
	 * Discovery properties: how a node finds its first peers besides seeds.
	 */
	public static class Discovery {

		private final Multicast multicast = new Multicast();

		public Multicast getMulticast() {
			return this.multicast;
		}

		/**
		 * UDP multicast beacon properties.
		 */
		public static class Multicast {

			/**
			 * Whether to send and listen for UDP multicast beacons, to find the nodes of
			 * the cluster on the LAN without seeds. Beacons are signed with the secret
			 * when one is set.
			 */
			private boolean enabled;

			/**
			 * Multicast group of the beacons, an IPv4 or IPv6 address. An IPv6 group
			 * (such as 'ff15::4c4d') makes the beacons IPv6.
			 */
			private String group = "239.255.76.77";

			/**
			 * UDP port of the beacons.
			 */
			private int port = 7077;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public String getGroup() {
				return this.group;
			}

			public void setGroup(String group) {
				this.group = group;
			}

			public int getPort() {
				return this.port;
			}

			public void setPort(int port) {
				this.port = port;
			}

		}

	}

}
