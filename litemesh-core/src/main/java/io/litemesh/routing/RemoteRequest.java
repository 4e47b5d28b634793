/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;

import io.litemesh.transport.Link;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.rsocket.Payload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * One request-response from this node over a link, as one subscriber: it counts the call
 * in flight, arms its deadline, copies the reply out of the frame, reads it (the caller's
 * JSON mapping) and maps failures to the caller's exceptions. Every call a node makes
 * passes here, and as a chain of Reactor operators (defer, map, onErrorMap, doFinally,
 * timeout) the same work cost about a fifth of the caller's CPU per call
 * (docs/performance.md).
 *
 * @author LiteMesh team
 */
final class RemoteRequest<T> extends Mono<T> {

	private static final Log logger = LogFactory.getLog(RemoteRequest.class);

	private final Router router;

	private final Router.Call call;

	private final byte[] data;

	private final Function<byte[], @Nullable T> reader;

	RemoteRequest(Router router, Router.Call call, byte[] data, Function<byte[], @Nullable T> reader) {
		this.router = router;
		this.call = call;
		this.data = data;
		this.reader = reader;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		Exchange<T> exchange = new Exchange<>(actual, this.router, this.call, this.reader);
		actual.onSubscribe(exchange);
		Link link;
		Payload payload;
		try {
			link = this.router.link(this.call, this.data);
			payload = this.router.payload(this.call, this.data);
		}
		catch (RuntimeException ex) {
			exchange.onError(ex);
			return;
		}
		try {
			exchange.arm();
			link.rsocket().requestResponse(payload).subscribe(exchange);
		}
		catch (RuntimeException ex) {
			if (payload.refCnt() > 0) {
				payload.release();
			}
			exchange.onError(ex);
		}
	}

	/**
	 * The call in flight: whichever comes first of the reply, a failure, the deadline and
	 * the caller's cancel ends it, once.
	 */
	private static final class Exchange<T> implements CoreSubscriber<Payload>, Subscription, TimerTask {

		private static final AtomicIntegerFieldUpdater<Exchange> ENDED = AtomicIntegerFieldUpdater
			.newUpdater(Exchange.class, "ended");

		private static final AtomicIntegerFieldUpdater<Exchange> DEMAND = AtomicIntegerFieldUpdater
			.newUpdater(Exchange.class, "demand");

		@SuppressWarnings("rawtypes")
		private static final AtomicReferenceFieldUpdater<Exchange, Subscription> UPSTREAM = AtomicReferenceFieldUpdater
			.newUpdater(Exchange.class, Subscription.class, "upstream");

		/** Neither requested nor answered; the states follow Reactor's MonoSubscriber. */
		private static final int IDLE = 0;

		private static final int REQUESTED = 1;

		private static final int ANSWERED = 2;

		private static final int DELIVERED = 3;

		private final CoreSubscriber<? super T> actual;

		private final Function<byte[], @Nullable T> reader;

		private final Router router;

		private final Router.Call call;

		private final AtomicInteger inFlight;

		private volatile int ended;

		private volatile int demand;

		private volatile @Nullable Subscription upstream;

		private volatile @Nullable Timeout deadline;

		private byte @Nullable [] reply;

		Exchange(CoreSubscriber<? super T> actual, Router router, Router.Call call,
				Function<byte[], @Nullable T> reader) {
			this.actual = actual;
			this.reader = reader;
			this.router = router;
			this.call = call;
			this.inFlight = router.inFlight().started(call.nodeId());
		}

		void arm() {
			Timeout armed = this.router.deadline().arm(this);
			this.deadline = armed;
			if (this.ended != 0) {
				// ended while it was being armed
				armed.cancel();
			}
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.setOnce(UPSTREAM, this, subscription)) {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(Payload payload) {
			if (!end()) {
				payload.release();
				return;
			}
			answer(LocalDispatcher.data(payload));
		}

		@Override
		public void onError(Throwable failure) {
			if (end()) {
				this.actual.onError(this.router.callerException(failure, this.call));
			}
			else {
				// the deadline or a cancel ended the call first, as happens to every call
				// in flight on a link that dies: not worth a stack trace each
				logger.debug("Failure after the end of " + this.call + ": " + failure);
			}
		}

		@Override
		public void onComplete() {
			if (end()) {
				// an empty reply: a void endpoint
				this.actual.onComplete();
			}
		}

		@Override
		public void run(Timeout timeout) {
			if (end()) {
				Operators.terminate(UPSTREAM, this);
				// off the wheel's one thread: the caller's code runs on the failure, and
				// a
				// caller that blocked there would stop every deadline of the JVM
				Schedulers.parallel().schedule(() -> this.actual.onError(this.router.timedOut(this.call)));
			}
		}

		@Override
		public void request(long n) {
			if (!Operators.validate(n)) {
				return;
			}
			while (true) {
				int state = this.demand;
				if (state == REQUESTED || state == DELIVERED) {
					return;
				}
				if (state == ANSWERED) {
					if (DEMAND.compareAndSet(this, ANSWERED, DELIVERED)) {
						deliver();
					}
					return;
				}
				if (DEMAND.compareAndSet(this, IDLE, REQUESTED)) {
					return;
				}
			}
		}

		@Override
		public void cancel() {
			if (end()) {
				Operators.terminate(UPSTREAM, this);
			}
			else {
				// answered but not yet requested: a cancel means it is never delivered
				DEMAND.set(this, DELIVERED);
				this.reply = null;
			}
		}

		private void answer(byte[] value) {
			this.reply = value;
			while (true) {
				int state = this.demand;
				if (state == DELIVERED) {
					// cancelled meanwhile
					this.reply = null;
					return;
				}
				if (state == REQUESTED) {
					if (DEMAND.compareAndSet(this, REQUESTED, DELIVERED)) {
						deliver();
					}
					return;
				}
				if (DEMAND.compareAndSet(this, IDLE, ANSWERED)) {
					return;
				}
			}
		}

		private void deliver() {
			byte[] json = this.reply;
			this.reply = null;
			T value;
			try {
				value = this.reader.apply(json);
			}
			catch (Throwable ex) {
				// a reply that does not map fails the call as it is
				Exceptions.throwIfJvmFatal(ex);
				this.actual.onError(ex);
				return;
			}
			if (value != null) {
				this.actual.onNext(value);
			}
			this.actual.onComplete();
		}

		/**
		 * Claim the end of the call: only the first of reply, failure, deadline and
		 * cancel wins, and it stops the clock and the count.
		 */
		private boolean end() {
			if (!ENDED.compareAndSet(this, 0, 1)) {
				return false;
			}
			Timeout armed = this.deadline;
			if (armed != null) {
				armed.cancel();
			}
			this.router.inFlight().finished(this.inFlight);
			return true;
		}

	}

}
