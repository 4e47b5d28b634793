/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.RSocketErrorException;
import io.rsocket.exceptions.ApplicationErrorException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The requester of one end of an in-memory link: hands every request to the responder of
 * the node at the other end, as is (no frame encoding; the payload passes to the
 * receiver, as it does over RSocket), through the {@link Lane} of that direction, so the
 * receiver's code runs on the network's threads in the order requests were sent, never on
 * the sender's stack. Stream demand travels through the lane too, as REQUEST_N frames
 * would. Errors reach the sender as RSocket's requester would report them, and a request
 * on, or cut off by, a closed link fails with {@link ClosedChannelException}.
 *
 * @author LiteMesh team
 */
final class MemoryRequester implements RSocket {

	private static final Log logger = LogFactory.getLog(MemoryRequester.class);

	private final MemoryConnection connection;

	private final Lane lane;

	private final Scheduler laneScheduler;

	private final RSocket responder;

	MemoryRequester(MemoryConnection connection, Lane lane, RSocket responder) {
		this.connection = connection;
		this.lane = lane;
		this.laneScheduler = Schedulers.fromExecutor(lane);
		this.responder = responder;
	}

	@Override
	public Mono<Void> fireAndForget(Payload payload) {
		return Mono.defer(() -> {
			Mono<Void> refused = refuse(payload);
			if (refused != null) {
				return refused;
			}
			this.lane.execute(() -> {
				if (this.connection.isClosed()) {
					payload.release();
					return;
				}
				this.responder.fireAndForget(payload)
					.subscribe(null, (ex) -> logger.debug("Fire-and-forget over " + this.connection + " failed", ex));
			});
			// sent, as a frame written to a socket is
			return Mono.empty();
		});
	}

	@Override
	public Mono<Void> metadataPush(Payload payload) {
		return fireAndForget(payload);
	}

	@Override
	public Mono<Payload> requestResponse(Payload payload) {
		return Mono.defer(() -> {
			Mono<Payload> refused = refuse(payload);
			if (refused != null) {
				return refused;
			}
			AtomicBoolean answered = new AtomicBoolean();
			return Mono.defer(() -> deliverable(payload) ? this.responder.requestResponse(payload) : closed())
				.onErrorMap(MemoryRequester::asRemote)
				.subscribeOn(this.laneScheduler)
				.doOnSuccess((reply) -> answered.set(true))
				.takeUntilOther(this.connection.onClose())
				.switchIfEmpty(Mono.defer(() -> answered.get() ? Mono.empty() : closed()))
				.doOnDiscard(Payload.class, Payload::release);
		});
	}

	@Override
	public Flux<Payload> requestStream(Payload payload) {
		return Flux.defer(() -> {
			Mono<Payload> refused = refuse(payload);
			if (refused != null) {
				return refused;
			}
			Flux<Payload> delivered = Flux
				.defer(() -> deliverable(payload) ? this.responder.requestStream(payload) : Flux.error(closedError()));
			return untilClosed(delivered);
		});
	}

	@Override
	public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
		return Flux.defer(() -> this.connection.isClosed() ? Flux.error(closedError())
				: untilClosed(Flux.defer(() -> this.responder.requestChannel(payloads))));
	}

	/**
	 * Run a stream on the lane, demand included, and fail it when the link closes before
	 * it completes.
	 */
	private Flux<Payload> untilClosed(Flux<Payload> delivered) {
		AtomicBoolean completed = new AtomicBoolean();
		return delivered.onErrorMap(MemoryRequester::asRemote)
			.subscribeOn(this.laneScheduler, true)
			.doOnComplete(() -> completed.set(true))
			.takeUntilOther(this.connection.onClose())
			.concatWith(Flux.defer(() -> completed.get() ? Flux.empty() : Flux.error(closedError())))
			.doOnDiscard(Payload.class, Payload::release);
	}

	/**
	 * Refuse a request the link cannot carry, releasing its payload.
	 * @return the error for the sender, {@code null} when the request may go
	 */
	private <T> @Nullable Mono<T> refuse(Payload payload) {
		if (this.connection.isClosed()) {
			payload.release();
			return closed();
		}
		if (this.lane.isFull()) {
			payload.release();
			return Mono.error(new IllegalStateException(
					"In-memory link " + this.connection + " has too many messages waiting; the receiver is behind"));
		}
		return null;
	}

	private boolean deliverable(Payload payload) {
		if (this.connection.isClosed()) {
			payload.release();
			return false;
		}
		return true;
	}

	private static <T> Mono<T> closed() {
		return Mono.error(closedError());
	}

	private static ClosedChannelException closedError() {
		return new ClosedChannelException();
	}

	/**
	 * Map an error as RSocket does on its way from a responder to the requester:
	 * RSocket's own errors keep their type, anything else becomes an application error
	 * with its message.
	 */
	private static Throwable asRemote(Throwable ex) {
		if (ex instanceof RSocketErrorException || ex instanceof ClosedChannelException) {
			return ex;
		}
		return new ApplicationErrorException((ex.getMessage() != null) ? ex.getMessage() : ex.toString());
	}

	@Override
	public double availability() {
		return this.connection.isClosed() ? 0.0 : 1.0;
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

}
