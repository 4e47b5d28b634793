/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailSignals}: waits end at once when mail is likely, and otherwise
 * back off, bounded, while a mailbox stays idle. Bounds are loose: they tell a wait that
 * ended early from one that ran its course, not how fast a machine is.
 */
class MailSignalsTests {

	private static final long LONG_WAIT = Duration.ofSeconds(30).toNanos();

	private final MailSignals signals = new MailSignals(Duration.ofMillis(80));

	@Test
	void fullBatchMeansClaimAgainAtOnce() throws InterruptedException {
		this.signals.claimed("a", 10, 10);
		assertThat(timed(() -> this.signals.await("a", LONG_WAIT, true))).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void wakeUpLeftBeforeTheWaitIsKept() throws InterruptedException {
		this.signals.track("a");
		this.signals.wake("a");
		assertThat(timed(() -> this.signals.await("a", LONG_WAIT, false))).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void wakeUpOfAnUntrackedMailboxIsIgnored() throws InterruptedException {
		this.signals.wake("a");
		this.signals.claimed("a", 0, 10);
		Duration waited = timed(() -> this.signals.await("a", Duration.ofMillis(200).toNanos(), false));
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void wakeUpFromAnotherThreadEndsTheWait() throws Exception {
		this.signals.track("a");
		CompletableFuture<Duration> waited = CompletableFuture.supplyAsync(() -> {
			try {
				return timed(() -> this.signals.await("a", LONG_WAIT, false));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		// waking before the wait began is kept too, so there is no race to lose
		this.signals.wake("a");
		assertThat(waited.get(10, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void idleMailboxIsPolledAtGrowingButBoundedIntervals() throws InterruptedException {
		this.signals.claimed("a", 0, 10);
		Duration first = timed(() -> this.signals.await("a", LONG_WAIT, true));
		Duration total = Duration.ZERO;
		for (int i = 0; i < 10; i++) {
			total = total.plus(timed(() -> this.signals.await("a", LONG_WAIT, true)));
		}
		assertThat(first).isLessThan(Duration.ofSeconds(1));
		// 10 waits of at most 80 ms each, far below one long wait
		assertThat(total).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void mailResetsTheIdleInterval() throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			this.signals.await("a", LONG_WAIT, true);
		}
		this.signals.claimed("a", 1, 10);
		assertThat(timed(() -> this.signals.await("a", LONG_WAIT, true))).isLessThan(Duration.ofMillis(80));
	}

	private static Duration timed(Wait wait) throws InterruptedException {
		long start = System.nanoTime();
		wait.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@FunctionalInterface
	private interface Wait {

		void run() throws InterruptedException;

	}

}
