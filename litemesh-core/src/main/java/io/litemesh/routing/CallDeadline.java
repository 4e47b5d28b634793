/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * The end-to-end deadline of one call: a {@code Mono} that emits once its delay has
 * passed, for {@code timeout(Publisher, fallback)}. Every call has one, so it comes from
 * one shared hashed wheel (Netty's, the structure timers of this kind use) instead of a
 * task per call in a {@code ScheduledThreadPoolExecutor}, whose heap every call's
 * schedule and cancel had to sift under a lock. A deadline is accurate to a tick: fine
 * for request timeouts of seconds.
 *
 * @author LiteMesh team
 */
final class CallDeadline extends Mono<Long> {

	/**
	 * One wheel for the JVM: it only keeps time, its thread sleeps between ticks, and
	 * many nodes of one JVM (tests, the demo) need not start one each.
	 */
	private static final HashedWheelTimer WHEEL = new HashedWheelTimer(
			new DefaultThreadFactory("litemesh-deadlines", true), 10, TimeUnit.MILLISECONDS, 1024);

	private final long delayNanos;

	/**
	 * Create a deadline.
	 * @param delay how long after subscription it passes
	 */
	CallDeadline(Duration delay) {
		this.delayNanos = delay.toNanos();
	}

	/**
	 * Arm a task that runs once this deadline's delay has passed, on the wheel's thread.
	 * @param task the task
	 * @return the armed task, to cancel
	 */
	Timeout arm(TimerTask task) {
		return WHEEL.newTimeout(task, this.delayNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void subscribe(CoreSubscriber<? super Long> actual) {
		Pending pending = new Pending(actual);
		actual.onSubscribe(pending);
		pending.arm(arm(pending));
	}

	/**
	 * One armed deadline: it fires at most once, and a cancelled one leaves the wheel.
	 */
	private static final class Pending implements Subscription, TimerTask {

		private static final int WAITING = 0;

		private static final int DONE = 1;

		private static final AtomicIntegerFieldUpdater<Pending> STATE = AtomicIntegerFieldUpdater
			.newUpdater(Pending.class, "state");

		private final CoreSubscriber<? super Long> actual;

		private volatile int state;

		private volatile @Nullable Timeout timeout;

		Pending(CoreSubscriber<? super Long> actual) {
			this.actual = actual;
		}

		void arm(Timeout timeout) {
			this.timeout = timeout;
			if (this.state == DONE) {
				// cancelled while it was being armed
				timeout.cancel();
			}
		}

		@Override
		public void request(long n) {
			// the timeout operator asks for one signal; there is only ever one
			Operators.validate(n);
		}

		@Override
		public void cancel() {
			if (STATE.compareAndSet(this, WAITING, DONE)) {
				Timeout armed = this.timeout;
				if (armed != null) {
					armed.cancel();
				}
			}
		}

		@Override
		public void run(Timeout timeout) {
			if (STATE.compareAndSet(this, WAITING, DONE)) {
				// off the wheel's one thread: the caller's code runs on the timeout
				Schedulers.parallel().schedule(() -> {
					this.actual.onNext(0L);
					this.actual.onComplete();
				});
			}
		}

	}

}
