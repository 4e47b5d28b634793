/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.MalformedEnvelopeException;
import io.litemesh.codec.RelayHeader;
import io.litemesh.codec.RemoteError;
import io.litemesh.membership.Membership;
import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves what a neighbour node sends over one link: control messages of the mesh (at the
 * node they are for) and calls, which the {@link InboundRouter} serves or relays.
 *
 * @author LiteMesh team
 */
final class PeerResponder implements RSocket {

	private static final Log logger = LogFactory.getLog(PeerResponder.class);

	private final String localId;

	private final byte[] localIdBytes;

	/**
	 * The envelope this link brought last, whose strings the next one likely repeats.
	 * Immutable, so a stale or racing read only costs a full decode.
	 */
	private @Nullable Envelope previous;

	private final Supplier<@Nullable String> peerId;

	private final InboundRouter router;

	private final Membership membership;

	private final Supplier<byte[]> nodeState;

	private final SecurityEvents events;

	PeerResponder(String localId, Supplier<@Nullable String> peerId, InboundRouter router, Membership membership,
			Supplier<byte[]> nodeState, SecurityEvents events) {
		this.events = events;
		this.localId = localId;
		this.localIdBytes = localId.getBytes(StandardCharsets.UTF_8);
		this.peerId = peerId;
		this.router = router;
		this.membership = membership;
		this.nodeState = nodeState;
	}

	@Override
	public Mono<Void> fireAndForget(Payload payload) {
		RelayHeader relay = relayHeader(payload);
		if (relay != null) {
			return isFromItsSender(relay.hops(), relay.source(), payload)
					? this.router.relayFireAndForget(relay, payload) : Mono.empty();
		}
		Envelope envelope = envelope(payload);
		if (envelope == null) {
			return Mono.empty();
		}
		if (isControlHere(envelope)) {
			return Mono.fromRunnable(() -> control(envelope, payload)).onErrorResume((ex) -> {
				this.router.countMalformed();
				logger.debug("Dropped control message " + envelope.endpoint() + " from " + envelope.source(), ex);
				return Mono.empty();
			}).then();
		}
		return this.router.serveFireAndForget(envelope, payload);
	}

	@Override
	public Mono<Payload> requestResponse(Payload payload) {
		RelayHeader relay = relayHeader(payload);
		if (relay != null) {
			return isFromItsSender(relay.hops(), relay.source(), payload) ? this.router.relayRequest(relay, payload)
					: Mono.error(badRequest("metadata is not a LiteMesh envelope from this link's node"));
		}
		Envelope envelope = envelope(payload);
		if (envelope == null) {
			return Mono.error(badRequest("metadata is not a LiteMesh envelope from this link's node"));
		}
		if (isControlHere(envelope)) {
			return Mono.fromCallable(() -> control(envelope, payload))
				.onErrorMap((ex) -> badRequest("control message " + envelope.endpoint() + ": " + ex.getMessage()));
		}
		return this.router.serveRequest(envelope, payload);
	}

	@Override
	public Flux<Payload> requestStream(Payload payload) {
		RelayHeader relay = relayHeader(payload);
		if (relay != null) {
			return isFromItsSender(relay.hops(), relay.source(), payload) ? this.router.relayStream(relay, payload)
					: Flux.error(badRequest("metadata is not a LiteMesh envelope from this link's node"));
		}
		Envelope envelope = envelope(payload);
		if (envelope == null) {
			return Flux.error(badRequest("metadata is not a LiteMesh envelope from this link's node"));
		}
		return this.router.serveStream(envelope, payload);
	}

	private boolean isControlHere(Envelope envelope) {
		return envelope.kind() == Envelope.Kind.CONTROL
				&& (envelope.isLinkLocal() || envelope.destination().equals(this.localId));
	}

	private Payload control(Envelope envelope, Payload payload) {
		byte[] data = LocalDispatcher.data(payload);
		ControlOperation operation = ControlOperation.of(envelope.endpoint());
		if (operation == ControlOperation.ADVERTISE || operation == ControlOperation.LEAVE) {
			this.membership.receive(data, this.peerId.get());
			return ByteBufPayload.create(Unpooled.EMPTY_BUFFER);
		}
		if (operation == ControlOperation.DIGEST) {
			this.membership.receiveDigest(data, this.peerId.get());
			return ByteBufPayload.create(Unpooled.EMPTY_BUFFER);
		}
		if (operation == ControlOperation.PING) {
			return ByteBufPayload.create(Unpooled.EMPTY_BUFFER);
		}
		if (operation == ControlOperation.STATE) {
			return ByteBufPayload.create(JsonCodec.direct(this.nodeState.get()));
		}
		throw new IllegalArgumentException("unknown control operation '" + envelope.endpoint() + "'");
	}

	private @Nullable RelayHeader relayHeader(Payload payload) {
		return payload.hasMetadata() ? RelayHeader.read(payload.sliceMetadata(), this.localIdBytes) : null;
	}

	/**
	 * Decode the envelope of a message that is not only relayed: for this node, its
	 * neighbour, or a broadcast.
	 */
	private @Nullable Envelope envelope(Payload payload) {
		try {
			if (!payload.hasMetadata()) {
				throw new MalformedEnvelopeException("no metadata");
			}
			Envelope envelope = Envelope.decode(payload.sliceMetadata(), this.previous);
			this.previous = envelope;
			if (envelope.kind() == Envelope.Kind.CALL && !envelope.isBroadcast()
					&& !envelope.destination().equals(this.localId)) {
				throw new MalformedEnvelopeException("a call with no destination");
			}
			return isFromItsSender(envelope.hops(), envelope.source(), payload) ? envelope : null;
		}
		catch (MalformedEnvelopeException ex) {
			payload.release();
			this.router.countMalformed();
			logger.debug("Malformed message from " + this.peerId.get() + ": " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Return whether a message may come over this link, releasing it when not. A message
	 * on its first hop comes from the node at the other end of the link (or from a stock
	 * client that node admitted), so a neighbour cannot call, or ask for state, in
	 * another node's name; further hops are relays, which members are trusted with.
	 */
	private boolean isFromItsSender(int hops, String source, Payload payload) {
		String peer = this.peerId.get();
		if (peer == null || hops > 0 || source.equals(peer) || source.startsWith("client:")
				|| source.startsWith("client-" + peer + "-")) {
			return true;
		}
		payload.release();
		this.events.refused(Refusal.FORGED_SOURCE, "a message from neighbour " + SecurityEvents.quote(peer)
				+ " on its first hop in the name of " + SecurityEvents.quote(source));
		return false;
	}

	private ApplicationErrorException badRequest(String reason) {
		RemoteError error = new RemoteError(RemoteError.CODE_BAD_REQUEST, IllegalArgumentException.class.getName(),
				"Node " + this.localId + " refused a malformed message: " + reason);
		return new ApplicationErrorException(error.toJson());
	}

}
