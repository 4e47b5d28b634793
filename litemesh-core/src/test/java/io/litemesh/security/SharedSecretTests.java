/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSecretTests {

	private final SharedSecret secret = new SharedSecret("correct horse", Clock.systemUTC());

	@Test
	void proofBindsEveryFieldAndTheSecret() {
		Object[] fields = { "dial", "cluster", "a", 5L, "nonce-a", "b", 7L, "nonce-b" };
		String proof = this.secret.prove(fields);
		assertThat(this.secret.verify(proof, fields)).isTrue();
		assertThat(this.secret.verify(proof, "accept", "cluster", "a", 5L, "nonce-a", "b", 7L, "nonce-b"))
			.as("another role")
			.isFalse();
		assertThat(this.secret.verify(proof, "dial", "cluster", "a", 5L, "nonce-a", "b", 7L, "other-nonce"))
			.as("another challenge")
			.isFalse();
		assertThat(new SharedSecret("battery staple", Clock.systemUTC()).verify(proof, fields)).isFalse();
		assertThat(this.secret.verify(null, fields)).isFalse();
	}

	@Test
	void noncesAreFreshAndTheSecretNeverShows() {
		assertThat(SharedSecret.nonce()).isNotEqualTo(SharedSecret.nonce()).hasSize(32);
		assertThat(this.secret.toString()).doesNotContain("correct horse");
	}

}
