/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.MeshTimeoutException;
import io.litemesh.codec.MessageIds;
import io.litemesh.codec.RemoteError;
import io.litemesh.transport.mailbox.MailFrames.Frame;
import io.rsocket.Payload;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionCloseException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The requester half of the mailbox interactions: writes {@code REQUEST}, {@code FIRE},
 * {@code STREAM}, {@code REQUEST_N} and {@code CANCEL} messages and completes the
 * caller's interaction with the {@code REPLY}, {@code ERROR} and {@code COMPLETE}
 * messages whose correlation is the id of its request.
 *
 * @author LiteMesh team
 */
final class MailRequester {

	private static final Log logger = LogFactory.getLog(MailRequester.class);

	private final MailSender sender;

	private final MailFrames frames;

	private final Duration requestTtl;

	private final Duration fireTtl;

	private final Map<UUID, Outbound> outbound = new ConcurrentHashMap<>();

	private long lastKeepAlive;

	MailRequester(MailSender sender, MailFrames frames, Duration requestTtl, Duration fireTtl) {
		this.sender = sender;
		this.frames = frames;
		this.requestTtl = requestTtl;
		this.fireTtl = fireTtl;
	}

	Mono<Void> fire(MailboxLink link, Payload payload) {
		return Mono.defer(() -> {
			Frame frame = this.frames.frame(payload);
			checkOpen(link);
			UUID id = MessageIds.next();
			return this.sender
				.send(this.frames.message(link.peerId(), MailMessage.Type.FIRE, id, id, frame, this.fireTtl));
		});
	}

	Mono<Payload> request(MailboxLink link, Payload payload) {
		return Mono.<Payload>create((sink) -> {
			Frame frame = this.frames.frame(payload);
			checkOpen(link);
			UUID id = MessageIds.next();
			this.outbound.put(id, new Outbound(link, sink, null));
			sink.onCancel(() -> cancelled(link, id));
			this.sender.post(
					this.frames.message(link.peerId(), MailMessage.Type.REQUEST, id, id, frame, this.requestTtl),
					(ex) -> failed(id, ex));
		}).timeout(this.requestTtl, Mono.error(() -> timedOut(link)));
	}

	Flux<Payload> stream(MailboxLink link, Payload payload) {
		return Flux.<Payload>create((sink) -> {
			Frame frame = this.frames.frame(payload);
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
						Frame opening = new Frame(frame.metadata(), MailFrames.withDemand(n, frame.data()));
						this.sender.post(this.frames.message(link.peerId(), MailMessage.Type.STREAM, id, id, opening,
								this.requestTtl), (ex) -> failed(id, ex));
					}
					else {
						Frame demand = new Frame(MailFrames.EMPTY, MailFrames.withDemand(n, MailFrames.EMPTY));
						this.sender.post(this.frames.message(link.peerId(), MailMessage.Type.REQUEST_N,
								MessageIds.next(), id, demand, this.requestTtl), (ex) -> failed(id, ex));
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
			this.sender.post(this.frames.message(link.peerId(), MailMessage.Type.CANCEL, MessageIds.next(), id,
					new Frame(MailFrames.EMPTY, MailFrames.EMPTY), this.requestTtl), null);
		}
	}

	private void failed(UUID id, Throwable failure) {
		Outbound waiting = this.outbound.remove(id);
		if (waiting != null) {
			waiting.error(failure);
		}
	}

	/**
	 * Fail every interaction that waits on a link: its peer cannot answer any more.
	 * @param link the link that closed
	 */
	void linkClosed(MailboxLink link) {
		this.outbound.forEach((id, waiting) -> {
			if (waiting.link() == link && this.outbound.remove(id, waiting)) {
				waiting.error(closed(link));
			}
		});
	}

	/**
	 * Complete the interaction a {@code REPLY}, {@code ERROR} or {@code COMPLETE}
	 * answers.
	 * @param message the answer
	 */
	void answer(MailMessage message) {
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
					waiting.mono().success(MailFrames.payload(message.metadata(), message.data()));
				}
				else if (waiting.flux() != null) {
					waiting.flux().next(MailFrames.payload(message.metadata(), message.data()));
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

	/**
	 * Tell the responders of this node's open streams that their subscribers still wait,
	 * every third of the request timeout: a responder ends a stream whose requester is
	 * silent for long (see {@link MailResponder}).
	 * @param now the current time, epoch milliseconds
	 */
	void keepAlive(long now) {
		if (now - this.lastKeepAlive < this.requestTtl.toMillis() / 3) {
			return;
		}
		this.lastKeepAlive = now;
		Frame none = new Frame(MailFrames.EMPTY, MailFrames.withDemand(0, MailFrames.EMPTY));
		this.outbound.forEach((id, waiting) -> {
			if (waiting.flux() != null) {
				// unknown to the responder until the stream opens, which it then ignores
				this.sender.post(this.frames.message(waiting.link().peerId(), MailMessage.Type.REQUEST_N,
						MessageIds.next(), id, none, this.requestTtl), null);
			}
		});
	}

	int pendingRequests() {
		return this.outbound.size();
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
