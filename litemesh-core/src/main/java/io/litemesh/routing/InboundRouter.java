/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.RelayHeader;
import io.litemesh.codec.RemoteError;
import io.litemesh.invoke.DefaultMeshContext;
import io.litemesh.invoke.Endpoint;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the calls that arrive over a link: to a local bean when this node is the
 * destination (errors become error frames), else one hop further along the least-cost
 * path. A relay reads only the {@link RelayHeader}; the rest passes through as received.
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
	 * Pass a request-response on to the next hop: its reply, or its error frame, comes
	 * back unread.
	 * @param header what this node read of the request's header
	 * @param payload the payload as received
	 * @return the reply; errors of this hop as error frames
	 */
	Mono<Payload> relayRequest(RelayHeader header, Payload payload) {
		try {
			return this.forwarder.nextHopOrRelease(header, payload)
				.rsocket()
				.requestResponse(this.forwarder.relayed(payload))
				.onErrorMap((ex) -> RemoteError.toErrorFrame(ex, relaying(header)));
		}
		catch (RuntimeException ex) {
			return Mono.error(RemoteError.toErrorFrame(ex, relaying(header)));
		}
	}

	/**
	 * Pass a fire-and-forget on to the next hop.
	 * @param header what this node read of the message's header
	 * @param payload the payload as received
	 * @return completes when handed on
	 */
	Mono<Void> relayFireAndForget(RelayHeader header, Payload payload) {
		try {
			return this.forwarder.nextHopOrRelease(header, payload)
				.rsocket()
				.fireAndForget(this.forwarder.relayed(payload))
				.onErrorResume((ex) -> dropped(header, ex));
		}
		catch (RuntimeException ex) {
			return dropped(header, ex);
		}
	}

	/**
	 * Pass a request-stream on to the next hop, with back-pressure and cancellation
	 * carried across.
	 * @param header what this node read of the request's header
	 * @param payload the payload as received
	 * @return the elements; errors of this hop as error frames
	 */
	Flux<Payload> relayStream(RelayHeader header, Payload payload) {
		try {
			return this.forwarder.nextHopOrRelease(header, payload)
				.rsocket()
				.requestStream(this.forwarder.relayed(payload))
				.onErrorMap((ex) -> RemoteError.toErrorFrame(ex, relaying(header)));
		}
		catch (RuntimeException ex) {
			return Flux.error(RemoteError.toErrorFrame(ex, relaying(header)));
		}
	}

	/**
	 * Serve a request-response for this node.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the reply; errors as error frames
	 */
	Mono<Payload> serveRequest(Envelope envelope, Payload payload) {
		byte[] data = LocalDispatcher.data(payload);
		DefaultMeshContext context = context(envelope);
		try {
			Endpoint endpoint = this.dispatcher.answeringAtOnce(context);
			if (endpoint != null) {
				byte[] reply = endpoint.invokeNow(data, context);
				return (reply != null) ? Mono.just(replyPayload(this.dispatcher.checkReply(reply, envelope)))
						: Mono.empty();
			}
		}
		catch (Throwable ex) {
			Exceptions.throwIfJvmFatal(ex);
			return Mono.error(RemoteError.toErrorFrame(ex, this.dispatcher.describe(envelope)));
		}
		return this.dispatcher.request(context, data, envelope.trace(), "request")
			.map((reply) -> replyPayload(this.dispatcher.checkReply(reply, envelope)))
			.onErrorMap((ex) -> RemoteError.toErrorFrame(ex, this.dispatcher.describe(envelope)));
	}

	/**
	 * Serve a fire-and-forget for this node, or a broadcast through it.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return completes when handed on
	 */
	Mono<Void> serveFireAndForget(Envelope envelope, Payload payload) {
		return Mono.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relaySend(envelope, payload);
			}
			this.dispatcher.fire(context(envelope), LocalDispatcher.data(payload), envelope.trace());
			return Mono.<Void>empty();
		}).onErrorResume((ex) -> {
			logger.debug("Dropped fire-and-forget " + this.dispatcher.describe(envelope) + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * Serve a request-stream for this node, or a broadcast request through it.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the elements; errors as error frames
	 */
	Flux<Payload> serveStream(Envelope envelope, Payload payload) {
		return Flux.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relayScatter(envelope, payload);
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

	private Mono<Void> dropped(RelayHeader header, Throwable ex) {
		logger.debug("Dropped fire-and-forget " + relaying(header) + ": " + ex.getMessage());
		return Mono.empty();
	}

	private String relaying(RelayHeader header) {
		return "message " + header.messageId() + " from " + header.source() + " to " + header.destination()
				+ " at node " + this.localId;
	}

	private static DefaultMeshContext context(Envelope envelope) {
		return new DefaultMeshContext(envelope.source(), envelope.service(), envelope.endpoint(), envelope.hops() + 1,
				envelope.id());
	}

	private static Payload replyPayload(byte[] reply) {
		return ByteBufPayload.create(JsonCodec.direct(reply));
	}

}
