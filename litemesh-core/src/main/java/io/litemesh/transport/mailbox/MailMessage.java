/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message in a node's mailbox: a frame of an RSocket interaction carried by a store.
 *
 * @param id unique id of this message; receivers drop a second delivery of one id
 * @param from the sending node
 * @param to the node whose mailbox holds it
 * @param type what the message is
 * @param correlation the interaction it belongs to: the id of the request that opened it
 * @param expiresAtMillis epoch milliseconds after which the message is dropped unread
 * @param metadata the frame metadata (an envelope for requests), may be empty
 * @param data the frame data, may be empty
 * @param signature HMAC of the message with the cluster secret, {@code null} without one
 * @author LiteMesh team
 */
public record MailMessage(UUID id, String from, String to, Type type, UUID correlation, long expiresAtMillis,
		byte[] metadata, byte[] data, @Nullable String signature) {

	/** Largest metadata a message may carry, in bytes. */
	public static final int MAX_METADATA = 64 * 1024;

	/**
	 * What a message is; the frames of RSocket's request-response, fire-and-forget and
	 * request-stream interactions.
	 */
	public enum Type {

		/**
		 * Opens a request-response; answered by one {@link #REPLY}, {@link #ERROR}, or
		 * {@link #COMPLETE} when there is no value.
		 */
		REQUEST,

		/** A fire-and-forget. */
		FIRE,

		/**
		 * Opens a request-stream; data holds the initial demand (8 bytes, big-endian)
		 * followed by the request data.
		 */
		STREAM,

		/** The answer to a request, or one element of a stream. */
		REPLY,

		/**
		 * Ends an interaction with an error; data is the message of the error, UTF-8, as
		 * an RSocket error frame carries it (LiteMesh errors are JSON).
		 */
		ERROR,

		/** Ends a stream. */
		COMPLETE,

		/** More demand for a stream; data holds n (8 bytes, big-endian). */
		REQUEST_N,

		/** The requester gave up on the interaction. */
		CANCEL

	}

}
