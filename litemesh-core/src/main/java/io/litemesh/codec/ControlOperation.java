/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import org.jspecify.annotations.Nullable;

/**
 * The control operations of the mesh itself, carried as the endpoint of a
 * {@link Envelope.Kind#CONTROL CONTROL} envelope under the service
 * {@link Envelope#CONTROL_SERVICE}. The wire names are fixed by {@code docs/protocol.md}.
 *
 * @author LiteMesh team
 */
public enum ControlOperation {

	/**
	 * Opens a connection between two nodes: the accepting node answers with its hello.
	 */
	HELLO("hello"),

	/**
	 * Carries the dialling node's proof of membership, the last step of the handshake.
	 */
	PROVE("prove"),

	/** Carries advertisements between neighbours. */
	ADVERTISE("advertise"),

	/**
	 * Lists, for a new neighbour, the advertisements a node holds, so the neighbour sends
	 * only those the node lacks.
	 */
	DIGEST("digest"),

	/** Tells the neighbours that a node leaves, with its last advertisement. */
	LEAVE("leave"),

	/** Asks a node, through the mesh, for its state. */
	STATE("state"),

	/** Asks a neighbour for an empty answer, to time the link's round trip. */
	PING("ping");

	private final String wireName;

	ControlOperation(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Return the name of the operation on the wire.
	 * @return the endpoint of its envelope
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Return the operation an envelope's endpoint names.
	 * @param wireName the endpoint of a control envelope
	 * @return the operation, {@code null} for one this node does not know
	 */
	public static @Nullable ControlOperation of(String wireName) {
		for (ControlOperation operation : values()) {
			if (operation.wireName.equals(wireName)) {
				return operation;
			}
		}
		return null;
	}

}
