/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import org.jspecify.annotations.Nullable;

/**
 * What two nodes tell each other when a connection opens: the dialling node in its SETUP
 * frame, the accepting node in its answer to the first request.
 *
 * @param protocol the protocol version, {@link #PROTOCOL}
 * @param nodeId the node id
 * @param cluster the cluster name; nodes of another cluster are refused
 * @param incarnation when the node started
 * @param proof proof that the node knows the cluster's secret, {@code null} without one
 * @author LiteMesh team
 */
public record Hello(int protocol, String nodeId, String cluster, long incarnation, @Nullable String proof) {

	/** The protocol version this node speaks. */
	public static final int PROTOCOL = 1;

}
