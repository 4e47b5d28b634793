/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.RejectedException;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The responder of a connection that serves nothing until the handshake has proved both
 * sides members: before {@link #open()}, every request is refused and counted.
 *
 * @author LiteMesh team
 */
final class GatedResponder extends RSocketProxy {

	private final SecurityEvents events;

	private volatile boolean open;

	GatedResponder(RSocket delegate, SecurityEvents events) {
		super(delegate);
		this.events = events;
	}

	/**
	 * Serve from now on: both sides proved membership.
	 */
	void open() {
		this.open = true;
	}

	boolean isOpen() {
		return this.open;
	}

	@Override
	public Mono<Void> fireAndForget(Payload payload) {
		return this.open ? super.fireAndForget(payload) : refused(payload).then();
	}

	@Override
	public Mono<Payload> requestResponse(Payload payload) {
		return this.open ? super.requestResponse(payload) : refused(payload);
	}

	@Override
	public Flux<Payload> requestStream(Payload payload) {
		return this.open ? super.requestStream(payload) : refused(payload).flux();
	}

	@Override
	public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
		return this.open ? super.requestChannel(payloads) : Flux.error(rejection());
	}

	@Override
	public Mono<Void> metadataPush(Payload payload) {
		return this.open ? super.metadataPush(payload) : refused(payload).then();
	}

	private Mono<Payload> refused(Payload payload) {
		payload.release();
		return Mono.error(rejection());
	}

	private RejectedException rejection() {
		this.events.refused(Refusal.UNAUTHENTICATED_REQUEST,
				"a request on a connection whose handshake is not done; nothing is served before both sides "
						+ "proved membership");
		return new RejectedException("Not authenticated yet: finish the LiteMesh handshake first");
	}

}
