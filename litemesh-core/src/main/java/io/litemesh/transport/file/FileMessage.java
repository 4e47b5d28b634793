/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.util.UUID;

import io.litemesh.transport.mailbox.MailMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message file's content: JSON with the byte arrays in Base64, which Jackson writes and
 * reads for {@code byte[]} by default. Fields are nullable because a file comes from
 * anywhere; {@link #toMessage()} checks them.
 *
 * @param id the message id
 * @param from the sender
 * @param to the recipient
 * @param type the message type
 * @param correlation the interaction
 * @param expiresAtMillis when the message expires
 * @param metadata the frame metadata
 * @param data the frame data
 * @param signature the HMAC, {@code null} without a secret
 * @author LiteMesh team
 */
record FileMessage(@Nullable UUID id, @Nullable String from, @Nullable String to, MailMessage.@Nullable Type type,
		@Nullable UUID correlation, long expiresAtMillis, byte @Nullable [] metadata, byte @Nullable [] data,
		@Nullable String signature) {

	static FileMessage of(MailMessage message) {
		return new FileMessage(message.id(), message.from(), message.to(), message.type(), message.correlation(),
				message.expiresAtMillis(), message.metadata(), message.data(), message.signature());
	}

	/**
	 * Return the message, checking that every field is there.
	 * @return the message
	 * @throws IllegalArgumentException when a field is missing
	 */
	MailMessage toMessage() {
		if (this.id == null || this.from == null || this.to == null || this.type == null || this.correlation == null) {
			throw new IllegalArgumentException("a message file lacks id, from, to, type or correlation");
		}
		return new MailMessage(this.id, this.from, this.to, this.type, this.correlation, this.expiresAtMillis,
				(this.metadata != null) ? this.metadata : new byte[0], (this.data != null) ? this.data : new byte[0],
				this.signature);
	}

}
