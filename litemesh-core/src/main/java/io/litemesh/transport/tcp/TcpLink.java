/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import io.litemesh.transport.Link;
import io.rsocket.RSocket;
import reactor.core.publisher.Mono;

/**
 * A link over one RSocket TCP connection, used in both directions.
 *
 * @author LiteMesh team
 */
final class TcpLink implements Link {

	/**
	 * Routing cost of a TCP link: the cheapest transport, with room below durable ones.
	 */
	static final int COST = 10;

	private final String peerId;

	private final RSocket rsocket;

	private final boolean dialedByLocal;

	private final long peerIncarnation;

	TcpLink(String peerId, long peerIncarnation, RSocket rsocket, boolean dialedByLocal) {
		this.peerId = peerId;
		this.peerIncarnation = peerIncarnation;
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
		return TcpTransport.NAME;
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
		return "tcp link to " + this.peerId + (this.dialedByLocal ? " (dialled)" : " (accepted)");
	}

}
