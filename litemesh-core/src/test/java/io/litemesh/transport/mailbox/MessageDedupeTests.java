/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a node remembers the ids of received messages, and what it does at its bound.
 */
class MessageDedupeTests {

	@Test
	void idIsRememberedUntilItsMessageExpiresHoweverManyCameBetween() {
		MessageDedupe dedupe = new MessageDedupe(100_000);
		UUID replayed = UUID.randomUUID();
		assertThat(dedupe.add(replayed, 600_000, 0)).isTrue();
		// more than the old fixed count of 10,000 ids in between
		for (int i = 0; i < 20_000; i++) {
			dedupe.add(UUID.randomUUID(), 1_000 + i, 0);
		}
		assertThat(dedupe.add(replayed, 600_000, 500_000)).as("a replay before expiry").isFalse();
		assertThat(dedupe.size()).as("the others expired and were forgotten").isEqualTo(1);
		assertThat(dedupe.add(UUID.randomUUID(), 700_000, 600_000)).isTrue();
		assertThat(dedupe.size()).as("forgotten once its message expired").isEqualTo(1);
	}

	@Test
	void atTheBoundTheIdThatExpiresSoonestIsForgottenAndCounted() {
		MessageDedupe dedupe = new MessageDedupe(3);
		UUID soonest = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		dedupe.add(soonest, 1_000, 0);
		dedupe.add(later, 5_000, 0);
		dedupe.add(UUID.randomUUID(), 4_000, 0);
		assertThat(dedupe.add(UUID.randomUUID(), 3_000, 0)).isTrue();
		assertThat(dedupe.size()).isEqualTo(3);
		assertThat(dedupe.overflows()).isEqualTo(1);
		assertThat(dedupe.add(later, 5_000, 0)).as("still remembered").isFalse();
		assertThat(dedupe.add(soonest, 1_000, 0)).as("forgotten at the bound").isTrue();
	}

}
