/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

/**
 * Thrown when the metadata of a message from a peer is not a valid {@link Envelope}.
 *
 * @author LiteMesh team
 */
public class MalformedEnvelopeException extends IllegalArgumentException {

	/**
	 * Create a new exception.
	 * @param message what is wrong with the bytes
	 */
	public MalformedEnvelopeException(String message) {
		super(message);
	}

}
