/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.time.Duration;
import java.util.List;

import io.litemesh.transport.LinkDialler;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link TcpTransport} needs to know of its node.
 *
 * @param nodeId the node's id
 * @param cluster the node's cluster: nodes of another cluster are refused
 * @param port the port to listen on, {@code 0} for an ephemeral one, {@code -1} for no
 * listening socket
 * @param bindAddress the address to bind to, {@code null} for loopback unless the node
 * authenticates its peers (a secret, or TLS that requires client certificates)
 * @param advertisedAddress {@code host} or {@code host:port} other nodes dial,
 * {@code null} to detect it
 * @param secretSet whether the cluster has a shared secret, which opens the default bind
 * address to the network
 * @param seeds {@code host:port} addresses to join through
 * @param maxFrameSize largest payload accepted or sent, in bytes
 * @param keepAliveInterval how often keepalive frames are sent on every connection
 * @param keepAliveTimeout how long without a keepalive before a connection is closed
 * @param reconnectMaxBackoff longest pause between two attempts to dial an address
 * @param maxLinks most TCP links the node keeps
 * @param ioThreads how many event-loop threads carry the node's connections
 * @param tls TLS on every connection the node accepts or dials, {@code null} for plain
 * TCP
 * @author LiteMesh team
 */
public record TcpSettings(String nodeId, String cluster, int port, @Nullable String bindAddress,
		@Nullable String advertisedAddress, boolean secretSet, List<String> seeds, int maxFrameSize,
		Duration keepAliveInterval, Duration keepAliveTimeout, Duration reconnectMaxBackoff, int maxLinks,
		int ioThreads, @Nullable TcpTls tls) {

	/** The port seeds and advertised addresses without one are dialled on. */
	public static final int DEFAULT_PORT = 7070;

	/**
	 * Copy the seed list.
	 */
	public TcpSettings {
		seeds = List.copyOf(seeds);
	}

	/**
	 * Return how the node links over TCP: the dialling policy with this transport's
	 * addresses and bound.
	 * @return the policy of the node's {@link LinkDialler}
	 */
	public LinkDialler.Policy dialPolicy() {
		return new LinkDialler.Policy(this.nodeId, TcpTransport.NAME, "tcp://", this.maxLinks, this.reconnectMaxBackoff,
				"; if that address is wrong, set litemesh.tcp.advertised-address on node {peer}");
	}

	/**
	 * Return whether every connection is TLS.
	 * @return {@code true} when the node has {@link #tls()}
	 */
	public boolean tlsEnabled() {
		return this.tls != null;
	}

	/**
	 * Return whether the peer of every connection proved itself with a certificate this
	 * node trusts: TLS with {@link TcpTls.ClientAuth#NEED}, so that the peers of accepted
	 * connections presented one (the peers a node dials always do). The handshake may
	 * then take the certificate as proof of membership.
	 * @return {@code true} for TLS with client authentication {@code NEED}
	 */
	public boolean tlsClientAuthRequired() {
		return this.tls != null && this.tls.clientAuthRequired();
	}

	/**
	 * Return whether the node authenticates the nodes that connect to it, by the
	 * cluster's secret or by TLS client certificates, which opens its default bind
	 * address to the network.
	 * @return {@code false} in protected mode
	 */
	public boolean authenticatesPeers() {
		return this.secretSet || tlsClientAuthRequired();
	}

	/**
	 * Return whether the node listens for connections.
	 * @return {@code false} for an outbound-only node
	 */
	public boolean listens() {
		return this.port >= 0;
	}

}
