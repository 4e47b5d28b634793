/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Clock;
import java.util.UUID;

import io.litemesh.security.SharedSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mailbox signature binds a message and a registry entry to.
 */
class MailSignerTests {

	private final SharedSecret secret = new SharedSecret("a shared secret", Clock.systemUTC());

	private final MailMessage message = new MailMessage(UUID.randomUUID(), "a", "b", MailMessage.Type.FIRE,
			UUID.randomUUID(), 42, new byte[] { 1 }, new byte[] { 2 }, null);

	@Test
	void messageSignedForOneClusterOrStoreDoesNotVerifyInAnother() {
		MailMessage signed = new MailSigner(this.secret, "blue", "file").sign(this.message);
		assertThat(new MailSigner(this.secret, "blue", "file").verify(signed)).isTrue();
		assertThat(new MailSigner(this.secret, "green", "file").verify(signed)).as("another cluster").isFalse();
		assertThat(new MailSigner(this.secret, "blue", "jdbc").verify(signed)).as("another store").isFalse();
		assertThat(new MailSigner(this.secret, "blue", "file").verify(this.message)).as("unsigned").isFalse();
	}

	@Test
	void registryEntrySignatureCoversEveryField() {
		MailSigner signer = new MailSigner(this.secret, "blue", "file");
		RegistryEntry signed = signer.sign(new RegistryEntry("a", "blue", 1, 100));
		assertThat(signer.verify(signed)).isTrue();
		assertThat(signer.verify(new RegistryEntry("a", "blue", 1, 101, signed.signature()))).as("lease").isFalse();
		assertThat(signer.verify(new RegistryEntry("a", "blue", 2, 100, signed.signature()))).isFalse();
		assertThat(signer.verify(new RegistryEntry("b", "blue", 1, 100, signed.signature()))).isFalse();
		assertThat(new MailSigner(this.secret, "blue", "jdbc").verify(signed)).as("another store").isFalse();
		assertThat(new MailSigner(null, "blue", "file").verify(new RegistryEntry("a", "blue", 1, 100)))
			.as("no secret, nothing to check")
			.isTrue();
	}

}
