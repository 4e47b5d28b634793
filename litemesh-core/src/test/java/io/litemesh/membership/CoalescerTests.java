/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescerTests {

	/** Long against the loop below, so the burst surely falls within it. */
	private static final Duration HOLD = Duration.ofSeconds(1);

	private final Scheduler scheduler = Schedulers.newSingle("coalescer-test");

	private final AtomicInteger computations = new AtomicInteger();

	private final Coalescer updates = new Coalescer(this.computations::incrementAndGet, this.scheduler, HOLD);

	@AfterEach
	void stop() {
		this.scheduler.dispose();
	}

	@Test
	void aChangeAfterAQuietSpellIsComputedAtOnce() {
		this.updates.changed(false);
		assertThat(this.computations).hasValue(1);
	}

	@Test
	void aBurstOfChangesCostsOneComputationMore() {
		this.updates.changed(false);
		for (int i = 0; i < 1_000; i++) {
			this.updates.changed(false);
		}
		assertThat(this.computations).as("the burst waits for the hold time").hasValue(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.computations).hasValue(2));
		this.updates.changed(false);
		assertThat(this.computations).as("a change right after it waits for the next hold time").hasValue(2);
	}

	@Test
	void theHoldTimeDoublesWhileChangesKeepComing() {
		this.updates.changed(false);
		this.updates.changed(false);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.computations).hasValue(2));
		this.updates.changed(false);
		// the next run waits twice the first hold time, not once
		await().during(Duration.ofMillis(1_200))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.computations).hasValue(2));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.computations).hasValue(3));
	}

	@Test
	void aChangeOfTheNodesOwnLinksIsComputedAtOnceWhateverThePace() {
		this.updates.changed(false);
		this.updates.changed(false);
		this.updates.changed(true);
		assertThat(this.computations).hasValue(2);
	}

}
