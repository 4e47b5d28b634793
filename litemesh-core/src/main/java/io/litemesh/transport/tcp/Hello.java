/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.nio.charset.StandardCharsets;

import io.litemesh.codec.Envelope;
import org.jspecify.annotations.Nullable;

/**
 * What two nodes tell each other when a connection opens: the dialling node in its SETUP
 * frame, the accepting node in its answer to the first request. Each side's nonce is the
 * challenge the other side's proof must cover.
 *
 * @param protocol the protocol version, {@link #PROTOCOL}
 * @param nodeId the node id
 * @param cluster the cluster name; nodes of another cluster are refused
 * @param incarnation when the node started
 * @param nonce a fresh random challenge, new for every connection
 * @param proof proof that the node knows the cluster's secret, bound to both nonces;
 * {@code null} without a secret and in the dialling node's SETUP, which comes before it
 * has seen the other side's nonce
 * @author LiteMesh team
 */
public record Hello(int protocol, String nodeId, String cluster, long incarnation, String nonce,
		@Nullable String proof) {

	/** The protocol version this node speaks. */
	public static final int PROTOCOL = 2;

	/** The largest hello accepted, in bytes of JSON: far above any valid one. */
	public static final int MAX_SIZE = 2048;

	/** The longest node id or cluster name accepted. */
	public static final int MAX_NAME = 256;

	/**
	 * Return this hello with a proof.
	 * @param proof the proof
	 * @return a new hello
	 */
	public Hello withProof(String proof) {
		return new Hello(this.protocol, this.nodeId, this.cluster, this.incarnation, this.nonce, proof);
	}

	/**
	 * Return whether every field is within bounds: names not empty and not too long, a
	 * nonce of a sane length.
	 * @return {@code true} when well-formed
	 */
	public boolean isWellFormed() {
		return isName(this.nodeId) && isName(this.cluster) && this.nonce != null && !this.nonce.isEmpty()
				&& this.nonce.length() <= 64 && (this.proof == null || this.proof.length() <= 128);
	}

	private static boolean isName(@Nullable String name) {
		// the id goes into every envelope to and from the node, so it must fit one
		return name != null && !name.isBlank() && name.length() <= MAX_NAME
				&& name.getBytes(StandardCharsets.UTF_8).length <= Envelope.MAX_FIELD_LENGTH;
	}

	@Override
	public String toString() {
		return "Hello[" + this.nodeId + " of " + this.cluster + ", incarnation " + this.incarnation + "]";
	}

}
