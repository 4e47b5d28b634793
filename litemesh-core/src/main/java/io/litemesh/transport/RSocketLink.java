/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import io.rsocket.RSocket;
import reactor.core.publisher.Mono;

/**
 * A link that is one duplex RSocket, used in both directions: a TCP connection, or the
 * in-memory stand-in for one. The RSocket's lifecycle is the link's.
 *
 * @author LiteMesh team
 */
public final class RSocketLink implements Link {

	/**
	 * Routing cost of a TCP link, and of an in-memory one, which stands in for it: the
	 * cheapest transport, with room below durable ones.
	 */
	public static final int COST = 10;

	private final String peerId;

	private final long peerIncarnation;

	private final String transport;

	private final RSocket rsocket;

	private final boolean dialedByLocal;

	/**
	 * Create a link.
	 * @param peerId the neighbour
	 * @param peerIncarnation the incarnation the neighbour proved when the link opened
	 * @param transport the transport's name, as the graph shows it
	 * @param rsocket the RSocket that sends requests to the neighbour
	 * @param dialedByLocal whether this node opened the link
	 */
	public RSocketLink(String peerId, long peerIncarnation, String transport, RSocket rsocket, boolean dialedByLocal) {
		this.peerId = peerId;
		this.peerIncarnation = peerIncarnation;
		this.transport = transport;
		this.rsocket = rsocket;
		this.dialedByLocal = dialedByLocal;
	}

	@Override
	public String peerId() {
		return this.peerId;
	}

	@Override
	public long peerIncarnation() {
		return this.peerIncarnation;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	@Override
	public int cost() {
		return COST;
	}

	@Override
	public boolean dialedByLocal() {
		return this.dialedByLocal;
	}

	@Override
	public RSocket rsocket() {
		return this.rsocket;
	}

	@Override
	public Mono<Void> onClose() {
		return this.rsocket.onClose();
	}

	@Override
	public void dispose() {
		this.rsocket.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.rsocket.isDisposed();
	}

	@Override
	public String toString() {
		return this.transport + " link to " + this.peerId + (this.dialedByLocal ? " (dialled)" : " (accepted)");
	}

}
