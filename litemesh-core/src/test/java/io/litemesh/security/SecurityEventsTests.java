/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import io.litemesh.MeshNode;
import io.litemesh.transport.mailbox.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityEventsTests {

	@Test
	void everyRefusalIsCountedByReasonWhateverTheIdsAnAttackerMakesUp() {
		SecurityEvents events = new SecurityEvents("n", new MutableClock());
		for (int i = 0; i < 10_000; i++) {
			events.refused(Refusal.CLUSTER, "node " + SecurityEvents.quote("made-up-" + i));
		}
		assertThat(events.count(Refusal.CLUSTER)).isEqualTo(10_000);
		assertThat(events.counts()).containsEntry("cluster", 10_000L)
			.containsEntry("proof", 0L)
			.hasSize(Refusal.values().length);
	}

	@Test
	void attackerTextIsQuotedShortAndEscaped() {
		assertThat(SecurityEvents.quote("a\nb'c\u0000")).isEqualTo("'a\\u000ab\\u0027c\\u0000'");
		String quoted = SecurityEvents.quote("x".repeat(10_000));
		assertThat(quoted).hasSizeLessThan(100).endsWith("... (10000 chars)");
		assertThat(SecurityEvents.quote(null)).isEqualTo("null");
	}

	@Test
	void settingsNeverShowTheSecret() {
		assertThat(MeshNode.builder().secret("correct horse battery").settings().toString())
			.doesNotContain("correct horse battery")
			.contains("secret=(hidden)");
	}

}
