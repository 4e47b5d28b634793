/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import io.rsocket.Payload;
import io.rsocket.RSocket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RSocket's request-response, fire-and-forget and request-stream as mailbox messages,
 * both ways: a {@link MailRequester} for the interactions this node opens and a
 * {@link MailResponder} for those its peers open, fed by the transport's poll loop in
 * mailbox order.
 *
 * @author LiteMesh team
 */
final class Interactions {

	private final MailRequester requester;

	private final MailResponder responder;

	Interactions(String localId, MailSender sender, Function<String, RSocket> responders, Duration requestTtl,
			Duration fireTtl, int maxFrameSize, Clock clock) {
		MailFrames frames = new MailFrames(localId, maxFrameSize, clock);
		this.requester = new MailRequester(sender, frames, requestTtl, fireTtl);
		this.responder = new MailResponder(sender, frames, responders, requestTtl, clock);
	}

	Mono<Void> fire(MailboxLink link, Payload payload) {
		return this.requester.fire(link, payload);
	}

	Mono<Payload> request(MailboxLink link, Payload payload) {
		return this.requester.request(link, payload);
	}

	Flux<Payload> stream(MailboxLink link, Payload payload) {
		return this.requester.stream(link, payload);
	}

	/**
	 * Handle a received message.
	 * @param message a message for this node, verified, unexpired and not seen before
	 */
	void receive(MailMessage message) {
		switch (message.type()) {
			case REPLY, ERROR, COMPLETE -> this.requester.answer(message);
			default -> this.responder.receive(message);
		}
	}

	/**
	 * Fail every interaction that waits on a link, and cancel what the link's peer asked
	 * of this node: neither side can answer any more.
	 * @param link the link that closed
	 */
	void linkClosed(MailboxLink link) {
		this.requester.linkClosed(link);
		this.responder.linkClosed(link);
	}

	/**
	 * Tell peers that this node's open streams still wait, and cancel what this node
	 * serves to requesters that cannot be waiting any more.
	 * @param now the current time, epoch milliseconds
	 * @param linked tells whether a peer has an open link
	 */
	void expireServed(long now, Predicate<String> linked) {
		this.requester.keepAlive(now);
		this.responder.expire(now, linked);
	}

	int pendingRequests() {
		return this.requester.pendingRequests();
	}

}
