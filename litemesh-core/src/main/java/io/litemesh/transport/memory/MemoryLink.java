/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import io.litemesh.transport.Link;
import io.rsocket.RSocket;
import reactor.core.publisher.Mono;

/**
 * One node's end of an in-memory link.
 *
 * @author LiteMesh team
 */
final class MemoryLink implements Link {

	/** Routing cost of an in-memory link: that of a TCP link, which it stands in for. */
	static final int COST = 10;

	private final MemoryConnection connection;

	private final String peerId;

	private final long peerIncarnation;

	private final boolean dialedByLocal;

	private final RSocket rsocket;

	MemoryLink(MemoryConnection connection, String peerId, long peerIncarnation, boolean dialedByLocal,
			RSocket rsocket) {
		this.connection = connection;
		this.peerId = peerId;
		this.peerIncarnation = peerIncarnation;
		this.dialedByLocal = dialedByLocal;
		this.rsocket = rsocket;
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
		return MemoryTransport.NAME;
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
		return this.connection.onClose();
	}

	@Override
	public void dispose() {
		this.connection.close();
	}

	@Override
	public boolean isDisposed() {
		return this.connection.isClosed();
	}

	@Override
	public String toString() {
		return "memory link to " + this.peerId + (this.dialedByLocal ? " (dialled)" : " (accepted)");
	}

}
