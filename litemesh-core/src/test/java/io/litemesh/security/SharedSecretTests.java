/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.litemesh.transport.tcp.Hello;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSecretTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private final SharedSecret secret = new SharedSecret("correct horse", this.clock);

	@Test
	void proofSurvivesTheWireAndBindsEveryField() {
		Hello hello = new Hello(1, "a", "c", 5, this.secret.now(), null);
		Hello signed = hello.withProof(this.secret.prove(hello.signedFields("peer-proof")));
		JsonMapper mapper = JsonMapper.builder().build();
		Hello received = mapper.readValue(mapper.writeValueAsBytes(signed), Hello.class);
		assertThat(this.secret.verify(received.proof(), received.signedFields("peer-proof"))).isTrue();
		assertThat(this.secret.verify(received.proof(), received.signedFields("other"))).isFalse();
		Hello forged = new Hello(1, "b", "c", 5, received.timestamp(), received.proof());
		assertThat(this.secret.verify(forged.proof(), forged.signedFields("peer-proof"))).isFalse();
		assertThat(new SharedSecret("battery staple", this.clock).verify(received.proof(),
				received.signedFields("peer-proof")))
			.isFalse();
		assertThat(this.secret.verify(null, received.signedFields("peer-proof"))).isFalse();
	}

	@Test
	void staleTimestampsAreNotFresh() {
		assertThat(this.secret.isFresh(this.secret.now() - SharedSecret.WINDOW.toMillis())).isTrue();
		assertThat(this.secret.isFresh(this.secret.now() - SharedSecret.WINDOW.plus(Duration.ofSeconds(1)).toMillis()))
			.isFalse();
	}

}
