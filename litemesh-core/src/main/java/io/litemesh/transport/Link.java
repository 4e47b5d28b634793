/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import io.rsocket.RSocket;
import reactor.core.publisher.Mono;

/**
 * A link to a neighbour: an RSocket that offers request-response, fire-and-forget and
 * request-stream, whatever carries it. Routing, relaying and dispatch deal with links
 * only.
 * <p>
 * Contract for implementations:
 * <ul>
 * <li>{@link #rsocket()} MUST deliver every request to the neighbour's responder with its
 * metadata (an {@link io.litemesh.codec.Envelope}) and data unchanged.</li>
 * <li>{@link #onClose()} MUST complete once the link can carry no more traffic, whatever
 * the cause, and MUST NOT complete before.</li>
 * <li>{@link #dispose()} MUST be idempotent and MUST NOT block.</li>
 * </ul>
 *
 * @author LiteMesh team
 */
public interface Link {

	/**
	 * Return the id of the neighbour.
	 * @return the peer node id
	 */
	String peerId();

	/**
	 * Return the incarnation the neighbour proved when the link opened, so membership can
	 * refuse advertisements that speak for it otherwise.
	 * @return the incarnation, {@code -1} when the transport does not know it
	 */
	default long peerIncarnation() {
		return -1;
	}

	/**
	 * Return the transport, as the graph shows it.
	 * @return {@code tcp}, {@code jdbc} or {@code file}
	 */
	String transport();

	/**
	 * Return the routing cost of the link; cheaper links are preferred.
	 * @return the cost, at least 1
	 */
	int cost();

	/**
	 * Return whether this node opened the link (rather than the neighbour).
	 * @return {@code true} when this node dialled
	 */
	boolean dialedByLocal();

	/**
	 * Return the RSocket that sends requests to the neighbour.
	 * @return the requester
	 */
	RSocket rsocket();

	/**
	 * Return a signal that completes when the link closes.
	 * @return the close signal
	 */
	Mono<Void> onClose();

	/**
	 * Close the link.
	 */
	void dispose();

	/**
	 * Return whether the link is closed.
	 * @return {@code true} when closed
	 */
	boolean isDisposed();

}
