/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.litemesh.transport.Link;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A link to a peer through its mailbox in a store. Its {@link #rsocket()} turns every
 * request into messages in the peer's mailbox and hands the answers, matched by
 * correlation id, back to the caller, so routing and relaying treat it like a TCP link.
 * It lives as long as the peer's lease in the registry.
 *
 * @author LiteMesh team
 */
final class MailboxLink implements Link {

	/**
	 * Routing cost of a mailbox link: ten TCP hops, so TCP is preferred wherever it
	 * reaches and a mailbox carries traffic only where it is the way through.
	 */
	static final int COST = 100;

	private final String peerId;

	private final long peerIncarnation;

	private final String transport;

	private final Interactions interactions;

	private final Consumer<MailboxLink> onDispose;

	private final AtomicBoolean disposed = new AtomicBoolean();

	private final Sinks.Empty<Void> closed = Sinks.empty();

	private final RSocket rsocket = new Requester();

	MailboxLink(String peerId, long peerIncarnation, String transport, Interactions interactions,
			Consumer<MailboxLink> onDispose) {
		this.peerId = peerId;
		this.peerIncarnation = peerIncarnation;
		this.transport = transport;
		this.interactions = interactions;
		this.onDispose = onDispose;
	}

	@Override
	public String peerId() {
		return this.peerId;
	}

	/**
	 * Return the incarnation of the peer this link reaches: a peer that restarts gets a
	 * new link.
	 * @return the peer's incarnation, from its registry entry
	 */
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
		// each side has its own link object; neither is a duplicate of the other's
		return true;
	}

	@Override
	public RSocket rsocket() {
		return this.rsocket;
	}

	@Override
	public Mono<Void> onClose() {
		return this.closed.asMono();
	}

	@Override
	public void dispose() {
		if (this.disposed.compareAndSet(false, true)) {
			// fail what waits on this link before the registry hears that it is gone
			this.onDispose.accept(this);
			this.closed.tryEmitEmpty();
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed.get();
	}

	@Override
	public String toString() {
		return this.transport + " link to " + this.peerId;
	}

	/**
	 * The requester side of the link.
	 */
	private final class Requester implements RSocket {

		@Override
		public Mono<Void> fireAndForget(Payload payload) {
			return MailboxLink.this.interactions.fire(MailboxLink.this, payload);
		}

		@Override
		public Mono<Payload> requestResponse(Payload payload) {
			return MailboxLink.this.interactions.request(MailboxLink.this, payload);
		}

		@Override
		public Flux<Payload> requestStream(Payload payload) {
			return MailboxLink.this.interactions.stream(MailboxLink.this, payload);
		}

		@Override
		public Mono<Void> onClose() {
			return MailboxLink.this.onClose();
		}

		@Override
		public void dispose() {
			MailboxLink.this.dispose();
		}

		@Override
		public boolean isDisposed() {
			return MailboxLink.this.isDisposed();
		}

	}

}
