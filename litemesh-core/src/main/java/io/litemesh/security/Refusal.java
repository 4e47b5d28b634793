/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

/**
 * Why a node refused something an outsider, or an insider out of line, sent it. Each is
 * counted per node and appears as the {@code reason} of the
 * {@code litemesh.security.refused} meter.
 *
 * @author LiteMesh team
 */
public enum Refusal {

	/** A hello that does not parse or names no valid node. */
	MALFORMED_HELLO("malformed-hello"),

	/** A hello larger than any valid one. */
	OVERSIZED_HELLO("oversized-hello"),

	/** A hello of another protocol version. */
	PROTOCOL("protocol"),

	/** A node of another cluster. */
	CLUSTER("cluster"),

	/** A missing or wrong proof of the cluster secret. */
	PROOF("proof"),

	/** A connection that closed, or timed out, before it finished its handshake. */
	HANDSHAKE_INCOMPLETE("handshake-incomplete"),

	/** A request on a connection before both sides proved membership. */
	UNAUTHENTICATED_REQUEST("unauthenticated-request"),

	/** A stock client without valid credentials where credentials are required. */
	CLIENT("client"),

	/** A message whose first hop claimed to come from another node than the link's. */
	FORGED_SOURCE("forged-source"),

	/** An advertisement that speaks for a node it cannot speak for. */
	FORGED_ADVERTISEMENT("forged-advertisement"),

	/** An advertisement beyond the bound of the link-state database. */
	DATABASE_FULL("database-full"),

	/** A connection beyond the bound of links a node accepts. */
	TOO_MANY_CONNECTIONS("too-many-connections"),

	/**
	 * A peer that fell too far behind reading what it asked for; its connection closed.
	 */
	SLOW_PEER("slow-peer");

	private final String tag;

	Refusal(String tag) {
		this.tag = tag;
	}

	/**
	 * Return the name of this reason in meters and logs.
	 * @return lowercase, dash-separated
	 */
	public String tag() {
		return this.tag;
	}

}
