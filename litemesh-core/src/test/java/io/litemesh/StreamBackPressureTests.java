/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams carry demand end to end: a slow consumer gets every element and the producer
 * never runs ahead of it by more than a small bound; cancelling stops the producer.
 */
class StreamBackPressureTests {

	private static final int BOUND = 4;

	@MeshService("numbers")
	static class Numbers {

		final AtomicLong produced = new AtomicLong();

		final AtomicLong cancelled = new AtomicLong();

		public Flux<Long> upTo(long count) {
			return Flux.generate(() -> 1L, (next, sink) -> {
				if (next > count) {
					sink.complete();
				}
				else {
					this.produced.incrementAndGet();
					sink.next(next);
				}
				return next + 1;
			}).doOnCancel(this.cancelled::incrementAndGet).cast(Long.class);
		}

	}

	@Test
	void slowConsumerReceivesEverythingAndTheProducerKeepsToItsDemand() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode consumer = mesh.start("consumer");
			Numbers numbers = new Numbers();
			mesh.start("producer", numbers);
			mesh.awaitConverged();
			AtomicLong received = new AtomicLong();
			StepVerifier.FirstStep<Long> steps = StepVerifier
				.create(TestMesh.template(consumer).stream(Target.anycast("numbers"), "upTo", 50L, Long.class), 0);
			StepVerifier.Step<Long> step = steps.expectSubscription();
			for (long i = 1; i <= 50; i++) {
				long expected = i;
				step = step.thenRequest(1).assertNext((value) -> {
					assertThat(value).isEqualTo(expected);
					received.incrementAndGet();
					assertThat(numbers.produced.get()).as("produced beyond demand")
						.isLessThanOrEqualTo(received.get() + BOUND);
				});
			}
			// Flux.generate signals completion only when asked for one more element
			step.thenRequest(1).expectComplete().verify(Duration.ofSeconds(20));
			assertThat(received.get()).isEqualTo(50);
		}
	}

	@Test
	void cancellingStopsTheRemoteProducer() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode consumer = mesh.start("consumer");
			Numbers numbers = new Numbers();
			mesh.start("producer", numbers);
			mesh.awaitConverged();
			StepVerifier
				.create(TestMesh.template(consumer)
					.stream(Target.anycast("numbers"), "upTo", Long.MAX_VALUE, Long.class), 0)
				.thenRequest(3)
				.expectNextCount(3)
				.thenCancel()
				.verify(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> numbers.cancelled.get() == 1);
			assertThat(numbers.produced.get()).isLessThanOrEqualTo(3 + BOUND);
		}
	}

}
