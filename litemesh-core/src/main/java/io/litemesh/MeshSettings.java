/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
 * @author LiteMesh team
 */
public record MeshSettings(String nodeId, String cluster, int tcpPort, @Nullable String bindAddress,
		@Nullable String advertisedAddress, List<String> seeds, Duration requestTimeout, int maxFrameSize, int maxHops,
		@Nullable String secret, Duration advertiseInterval, Duration advertisementTtl, Duration keepAliveInterval,
		Duration keepAliveTimeout, Duration reconnectMaxBackoff, int maxLinks, boolean tcpEnabled) {

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

	/** Default hop limit. */
	public static final int DEFAULT_MAX_HOPS = 8;

	/**
	 * Validate the settings eagerly, naming the bad value.
	 */
	public MeshSettings {
		requireText(nodeId, "nodeId");
		requireText(cluster, "cluster");
		if (tcpPort < -1 || tcpPort > 65535) {
			throw new IllegalArgumentException("'tcpPort' must be between -1 and 65535, but was " + tcpPort);
		}
		seeds = List.copyOf(seeds);
		requirePositive(requestTimeout, "requestTimeout");
		if (maxFrameSize < 1024) {
			throw new IllegalArgumentException("'maxFrameSize' must be at least 1024 bytes, but was " + maxFrameSize);
		}
		if (maxHops < 1 || maxHops > 255) {
			throw new IllegalArgumentException("'maxHops' must be between 1 and 255, but was " + maxHops);
		}
		requirePositive(advertiseInterval, "advertiseInterval");
		requirePositive(advertisementTtl, "advertisementTtl");
		requirePositive(keepAliveInterval, "keepAliveInterval");
		requirePositive(keepAliveTimeout, "keepAliveTimeout");
		requirePositive(reconnectMaxBackoff, "reconnectMaxBackoff");
		if (maxLinks < 2 || maxLinks > 1024) {
			throw new IllegalArgumentException("'maxLinks' must be between 2 and 1024, but was " + maxLinks);
		}
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

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' must not be empty");
		}
	}

	private static void requirePositive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("'" + name + "' must be positive, but was " + value);
		}
	}

}
