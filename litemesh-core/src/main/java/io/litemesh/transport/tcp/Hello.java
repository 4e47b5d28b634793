/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import org.jspecify.annotations.Nullable;

/**
 * What two nodes tell each other when a connection opens: the dialling node in its SETUP
 * frame, the accepting node in its answer to the first request.
 *
 * @param protocol the protocol version, {@link #PROTOCOL}
 * @param nodeId the node id
 * @param cluster the cluster name; nodes of another cluster are refused
 * @param incarnation when the node started
 * @param timestamp when the hello was made, epoch milliseconds; bounds replays of the
 * proof
 * @param proof proof that the node knows the cluster's secret, {@code null} without one
 * @author LiteMesh team
 */
public record Hello(int protocol, String nodeId, String cluster, long incarnation, long timestamp,
		@Nullable String proof) {

	/** The protocol version this node speaks. */
	public static final int PROTOCOL = 1;

	/**
	 * Return the fields a proof covers, in order.
	 * @param extra what the proof is bound to besides the hello, such as the peer's proof
	 * @return the fields
	 */
	public Object[] signedFields(String extra) {
		return new Object[] { this.protocol, this.nodeId, this.cluster, this.incarnation, this.timestamp, extra };
	}

	/**
	 * Return this hello with a proof.
	 * @param proof the proof
	 * @return a new hello
	 */
	public Hello withProof(String proof) {
		return new Hello(this.protocol, this.nodeId, this.cluster, this.incarnation, this.timestamp, proof);
	}

}
