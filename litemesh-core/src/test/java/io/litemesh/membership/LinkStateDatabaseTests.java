/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkStateDatabaseTests {

	private MutableClock clock = new MutableClock();

	private final LinkStateDatabase database = new LinkStateDatabase("a", this.clock);

	private static NodeAdvertisement advertisement(String id, long incarnation, long sequence) {
		return new NodeAdvertisement(id, "c", incarnation, sequence, List.of(), List.of(), List.of(), false);
	}

	@Test
	void keepsOnlyNewerAdvertisements() {
		assertThat(this.database.update(advertisement("b", 1, 5))).isTrue();
		assertThat(this.database.update(advertisement("b", 1, 5))).isFalse();
		assertThat(this.database.update(advertisement("b", 1, 4))).isFalse();
		assertThat(this.database.update(advertisement("b", 1, 6))).isTrue();
		assertThat(this.database.update(advertisement("b", 2, 1))).as("a restart wins over any sequence").isTrue();
		assertThat(this.database.update(advertisement("b", 1, 99))).as("an old incarnation never returns").isFalse();
	}

	@Test
	void aRefreshRenewsTheAgeButChangesNoVersion() {
		this.database.update(advertisement("b", 1, 1));
		long version = this.database.version();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.database.update(advertisement("b", 1, 2))).as("a refresh is stored and flooded on").isTrue();
		assertThat(this.database.version()).as("but changes nothing routes depend on").isEqualTo(version);
		assertThat(this.database.expire(Duration.ofSeconds(5))).as("its age was renewed").isEmpty();
		NodeAdvertisement withLink = new NodeAdvertisement("b", "c", 1, 3, List.of(),
				List.of(new LinkInfo("a", "tcp", 10)), List.of(), false);
		assertThat(this.database.update(withLink)).isTrue();
		assertThat(this.database.version()).as("a new link is a change").isGreaterThan(version);
	}

	@Test
	void ageOutRemovesSilentNodesButNeverTheLocalOne() {
		this.database.update(advertisement("a", 1, 1));
		this.database.update(advertisement("b", 1, 1));
		this.clock.advance(Duration.ofSeconds(10));
		this.database.update(advertisement("c", 1, 1));
		long version = this.database.version();
		assertThat(this.database.expire(Duration.ofSeconds(5))).containsExactly("b");
		assertThat(this.database.version()).isGreaterThan(version);
		assertThat(this.database.advertisements()).extracting(NodeAdvertisement::nodeId)
			.containsExactlyInAnyOrder("a", "c");
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
