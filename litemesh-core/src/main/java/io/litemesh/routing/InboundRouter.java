/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import io.litemesh.codec.Envelope;
import io.litemesh.codec.RemoteError;
import io.litemesh.invoke.DefaultMeshContext;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the calls that arrive over a link: to a local bean when this node is the
 * destination (errors become error frames), else one hop further along the least-cost
 * path. A relay reads the envelope only; the data passes through.
 *
 * @author LiteMesh team
 */
final class InboundRouter {

	private static final Log logger = LogFactory.getLog(InboundRouter.class);

	private final String localId;

	private final Forwarder forwarder;

	private final LocalDispatcher dispatcher;

	private final Broadcaster broadcaster;

	private final TrafficCounters counters;

	InboundRouter(String localId, Forwarder forwarder, LocalDispatcher dispatcher, Broadcaster broadcaster,
			TrafficCounters counters) {
		this.localId = localId;
		this.forwarder = forwarder;
		this.dispatcher = dispatcher;
		this.broadcaster = broadcaster;
		this.counters = counters;
	}

	/**
	 * Serve a request-response that arrived over a link: locally or relayed.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the reply; errors as error frames
	 */
	Mono<Payload> serveRequest(Envelope envelope, Payload payload) {
		return Mono.defer(() -> {
			if (!isLocal(envelope)) {
				return this.forwarder.nextHopOrRelease(envelope, payload)
					.rsocket()
					.requestResponse(this.forwarder.relayed(payload));
			}
			byte[] data = LocalDispatcher.data(payload);
			return this.dispatcher.request(context(envelope), data, envelope.trace(), "request")
				.map((reply) -> replyPayload(this.dispatcher.checkReply(reply, envelope)));
		}).onErrorMap((ex) -> RemoteError.toErrorFrame(ex, this.dispatcher.describe(envelope)));
	}

	/**
	 * Serve a fire-and-forget that arrived over a link: locally or relayed.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return completes when handed on
	 */
	Mono<Void> serveFireAndForget(Envelope envelope, Payload payload) {
		return Mono.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relaySend(envelope, payload);
			}
			if (!isLocal(envelope)) {
				return this.forwarder.nextHopOrRelease(envelope, payload)
					.rsocket()
					.fireAndForget(this.forwarder.relayed(payload));
			}
			this.dispatcher.fire(context(envelope), LocalDispatcher.data(payload), envelope.trace());
			return Mono.<Void>empty();
		}).onErrorResume((ex) -> {
			logger.debug("Dropped fire-and-forget " + this.dispatcher.describe(envelope) + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * Serve a request-stream that arrived over a link: locally or relayed, with
	 * back-pressure and cancellation carried across every hop.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the elements; errors as error frames
	 */
	Flux<Payload> serveStream(Envelope envelope, Payload payload) {
		return Flux.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relayScatter(envelope, payload);
			}
			if (!isLocal(envelope)) {
				return this.forwarder.nextHopOrRelease(envelope, payload)
					.rsocket()
					.requestStream(this.forwarder.relayed(payload));
			}
			byte[] data = LocalDispatcher.data(payload);
			return this.dispatcher.stream(context(envelope), data, envelope.trace())
				.map((element) -> replyPayload(this.dispatcher.checkReply(element, envelope)));
		}).onErrorMap((ex) -> RemoteError.toErrorFrame(ex, this.dispatcher.describe(envelope)));
	}

	/**
	 * Count a message that could not be read.
	 */
	void countMalformed() {
		this.counters.malformed();
	}

	private boolean isLocal(Envelope envelope) {
		return envelope.destination().equals(this.localId);
	}

	private static DefaultMeshContext context(Envelope envelope) {
		return new DefaultMeshContext(envelope.source(), envelope.service(), envelope.endpoint(), envelope.hops() + 1,
				envelope.messageId());
	}

	private static Payload replyPayload(byte[] reply) {
		return ByteBufPayload.create(Unpooled.wrappedBuffer(reply));
	}

}
