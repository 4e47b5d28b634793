/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.litemesh.MeshTimeoutException;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.codec.MessageIds;
import io.litemesh.codec.RemoteError;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionCloseException;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * RSocket's request-response, fire-and-forget and request-stream as mailbox messages,
 * both ways. As requester it writes {@code REQUEST}, {@code FIRE}, {@code STREAM},
 * {@code REQUEST_N} and {@code CANCEL} messages and completes the caller's interaction
 * with the {@code REPLY}, {@code ERROR} and {@code COMPLETE} messages whose correlation
 * is the id of its request. As responder it hands requests to the node's responder for
 * the sending peer and writes what that answers, with exactly the demand the requester
 * sent. Errors carry what an RSocket error frame would: the error's message.
 *
 * @author LiteMesh team
 */
final class Interactions implements ServedRequest.Replier {

	private static final Log logger = LogFactory.getLog(Interactions.class);

	private static final byte[] EMPTY = new byte[0];

	private final String localId;

	private final MailSender sender;

	private final Function<String, RSocket> responders;

	private final Duration requestTtl;

	private final Duration fireTtl;

	private final int maxFrameSize;

	private final Clock clock;

	private final Map<UUID, Outbound> outbound = new ConcurrentHashMap<>();

	private final Map<UUID, ServedRequest> inbound = new ConcurrentHashMap<>();

	Interactions(String localId, MailSender sender, Function<String, RSocket> responders, Duration requestTtl,
			Duration fireTtl, int maxFrameSize, Clock clock) {
		this.localId = localId;
		this.sender = sender;
		this.responders = responders;
		this.requestTtl = requestTtl;
		this.fireTtl = fireTtl;
		this.maxFrameSize = maxFrameSize;
		this.clock = clock;
	}

	// requester side, called through a link's RSocket

	Mono<Void> fire(MailboxLink link, Payload payload) {
		return Mono.defer(() -> {
			Frame frame = frame(payload);
			checkOpen(link);
			UUID id = MessageIds.next();
			return this.sender.send(message(link.peerId(), MailMessage.Type.FIRE, id, id, frame, this.fireTtl));
		});
	}

	Mono<Payload> request(MailboxLink link, Payload payload) {
		return Mono.<Payload>create((sink) -> {
			Frame frame = frame(payload);
			checkOpen(link);
			UUID id = MessageIds.next();
			this.outbound.put(id, new Outbound(link, sink, null));
			sink.onCancel(() -> cancelled(link, id));
			this.sender.post(message(link.peerId(), MailMessage.Type.REQUEST, id, id, frame, this.requestTtl),
					(ex) -> failed(id, ex));
		}).timeout(this.requestTtl, Mono.error(() -> timedOut(link)));
	}

	Flux<Payload> stream(MailboxLink link, Payload payload) {
		return Flux.<Payload>create((sink) -> {
			Frame frame = frame(payload);
			checkOpen(link);
			UUID id = MessageIds.next();
			this.outbound.put(id, new Outbound(link, null, sink));
			Object lock = new Object();
			boolean[] opened = new boolean[1];
			sink.onRequest((n) -> {
				// one lock keeps the opening message ahead of every later demand
				synchronized (lock) {
					if (!this.outbound.containsKey(id)) {
						return;
					}
					if (!opened[0]) {
						opened[0] = true;
						Frame opening = new Frame(frame.metadata(), withDemand(n, frame.data()));
						this.sender.post(
								message(link.peerId(), MailMessage.Type.STREAM, id, id, opening, this.requestTtl),
								(ex) -> failed(id, ex));
					}
					else {
						Frame demand = new Frame(EMPTY, withDemand(n, EMPTY));
						this.sender.post(message(link.peerId(), MailMessage.Type.REQUEST_N, MessageIds.next(), id,
								demand, this.requestTtl), (ex) -> failed(id, ex));
					}
				}
			});
			sink.onCancel(() -> cancelled(link, id));
		});
	}

	private static void checkOpen(MailboxLink link) {
		if (link.isDisposed()) {
			throw closed(link);
		}
	}

	private void cancelled(MailboxLink link, UUID id) {
		if (this.outbound.remove(id) != null) {
			this.sender.post(message(link.peerId(), MailMessage.Type.CANCEL, MessageIds.next(), id,
					new Frame(EMPTY, EMPTY), this.requestTtl), null);
		}
	}

	private void failed(UUID id, Throwable failure) {
		Outbound waiting = this.outbound.remove(id);
		if (waiting != null) {
			waiting.error(failure);
		}
	}

	/**
	 * Fail every interaction that waits on a link, and cancel what the link's peer asked
	 * of this node: neither side can answer any more.
	 * @param link the link that closed
	 */
	void linkClosed(MailboxLink link) {
		this.outbound.forEach((id, waiting) -> {
			if (waiting.link() == link && this.outbound.remove(id, waiting)) {
				waiting.error(closed(link));
			}
		});
		this.inbound.forEach((id, stream) -> {
			if (stream.peerId().equals(link.peerId()) && this.inbound.remove(id, stream)) {
				stream.dispose();
			}
		});
	}

	// receiving side, called by the transport's poll loop in mailbox order

	/**
	 * Handle a received message.
	 * @param message a message for this node, verified, unexpired and not seen before
	 */
	void receive(MailMessage message) {
		switch (message.type()) {
			case FIRE -> this.responders.apply(message.from())
				.fireAndForget(payload(message.metadata(), message.data()))
				.subscribe(null, (ex) -> logger.debug("Fire-and-forget from " + message.from() + " failed", ex));
			case REQUEST -> serve(message, 1, message.data(), true);
			case STREAM -> serve(message, demand(message.data()), rest(message.data()), false);
			case REPLY, ERROR, COMPLETE -> answer(message);
			case REQUEST_N -> {
				ServedRequest stream = this.inbound.get(message.correlation());
				if (stream != null && stream.peerId().equals(message.from())) {
					stream.demand(demand(message.data()));
				}
			}
			case CANCEL -> {
				ServedRequest stream = this.inbound.get(message.correlation());
				if (stream != null && stream.peerId().equals(message.from())) {
					stream.dispose();
				}
			}
		}
	}

	private void serve(MailMessage request, long initialDemand, byte[] data, boolean single) {
		ServedRequest stream = new ServedRequest(request.from(), request.correlation(), single, initialDemand, this);
		this.inbound.put(request.correlation(), stream);
		Payload payload = payload(request.metadata(), data);
		RSocket responder = this.responders.apply(request.from());
		if (single) {
			responder.requestResponse(payload).subscribe(stream);
		}
		else {
			responder.requestStream(payload).subscribe(stream);
		}
	}

	private void answer(MailMessage message) {
		Outbound waiting = this.outbound.get(message.correlation());
		if (waiting == null || !waiting.link().peerId().equals(message.from())) {
			// the caller gave up or timed out; nobody waits for this any more
			logger.debug("Dropped " + message.type() + " from " + message.from() + " for interaction "
					+ message.correlation() + " that no longer waits");
			return;
		}
		switch (message.type()) {
			case REPLY -> {
				if (waiting.mono() != null) {
					this.outbound.remove(message.correlation());
					waiting.mono().success(payload(message.metadata(), message.data()));
				}
				else if (waiting.flux() != null) {
					waiting.flux().next(payload(message.metadata(), message.data()));
				}
			}
			case ERROR -> {
				this.outbound.remove(message.correlation());
				waiting.error(new ApplicationErrorException(new String(message.data(), StandardCharsets.UTF_8)));
			}
			default -> {
				this.outbound.remove(message.correlation());
				waiting.complete();
			}
		}
	}

	@Override
	public void reply(ServedRequest request, MailMessage.Type type, @Nullable Payload element, @Nullable String error) {
		Frame frame = (element != null) ? frame(element)
				: new Frame(EMPTY, (error != null) ? error.getBytes(StandardCharsets.UTF_8) : EMPTY);
		this.sender.post(
				message(request.peerId(), type, MessageIds.next(), request.correlation(), frame, this.requestTtl),
				(ex) -> logger
					.debug("Could not store a " + type + " for " + request.peerId() + ": " + ex.getMessage()));
	}

	@Override
	public void done(ServedRequest request) {
		this.inbound.remove(request.correlation(), request);
	}

	int pendingRequests() {
		return this.outbound.size();
	}

	private MailMessage message(String to, MailMessage.Type type, UUID id, UUID correlation, Frame frame,
			Duration ttl) {
		return new MailMessage(id, this.localId, to, type, correlation, this.clock.millis() + ttl.toMillis(),
				frame.metadata(), frame.data(), null);
	}

	private Frame frame(Payload payload) {
		try {
			byte[] metadata = payload.hasMetadata() ? ByteBufUtil.getBytes(payload.sliceMetadata()) : EMPTY;
			byte[] data = ByteBufUtil.getBytes(payload.sliceData());
			if (data.length > this.maxFrameSize || metadata.length > MailMessage.MAX_METADATA) {
				throw new PayloadTooLargeException("A payload of " + data.length + " bytes with " + metadata.length
						+ " bytes of metadata exceeds litemesh.max-frame-size (" + this.maxFrameSize + " bytes) or "
						+ MailMessage.MAX_METADATA + " bytes of metadata");
			}
			return new Frame(metadata, data);
		}
		finally {
			payload.release();
		}
	}

	private static Payload payload(byte[] metadata, byte[] data) {
		// the responder owns and releases what it is handed
		return (metadata.length > 0)
				? ByteBufPayload.create(Unpooled.wrappedBuffer(data), Unpooled.wrappedBuffer(metadata))
				: ByteBufPayload.create(Unpooled.wrappedBuffer(data));
	}

	private static byte[] withDemand(long n, byte[] data) {
		return ByteBuffer.allocate(8 + data.length).putLong(n).put(data).array();
	}

	private static long demand(byte[] data) {
		if (data.length < 8) {
			throw new IllegalArgumentException("a demand needs 8 bytes, got " + data.length);
		}
		return Math.max(0, ByteBuffer.wrap(data, 0, 8).getLong());
	}

	private static byte[] rest(byte[] data) {
		byte[] rest = new byte[data.length - 8];
		System.arraycopy(data, 8, rest, 0, rest.length);
		return rest;
	}

	private Throwable timedOut(MailboxLink link) {
		RemoteError error = new RemoteError(RemoteError.CODE_TIMEOUT, MeshTimeoutException.class.getName(),
				"Node " + link.peerId() + " did not answer through its " + link.transport() + " mailbox within "
						+ this.requestTtl);
		return new ApplicationErrorException(error.toJson());
	}

	private static ConnectionCloseException closed(MailboxLink link) {
		return new ConnectionCloseException("The " + link.transport() + " link to node " + link.peerId() + " closed");
	}

	private record Frame(byte[] metadata, byte[] data) {
	}

	/**
	 * An interaction this node opened and waits on.
	 */
	private record Outbound(MailboxLink link, @Nullable MonoSink<Payload> mono, @Nullable FluxSink<Payload> flux) {

		void error(Throwable failure) {
			if (this.mono != null) {
				this.mono.error(failure);
			}
			else if (this.flux != null) {
				this.flux.error(failure);
			}
		}

		void complete() {
			if (this.mono != null) {
				this.mono.success();
			}
			else if (this.flux != null) {
				this.flux.complete();
			}
		}

	}

}
