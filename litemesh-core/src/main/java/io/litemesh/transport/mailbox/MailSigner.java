/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.litemesh.security.SharedSecret;
import org.jspecify.annotations.Nullable;

/**
 * Signs mailbox messages with the cluster secret and checks the signatures of received
 * ones, so that whoever can write to a shared store cannot talk to the mesh without the
 * secret. The HMAC covers every field, the byte arrays through their SHA-256 digests.
 *
 * @author LiteMesh team
 */
final class MailSigner {

	/** One digest per thread: every message is hashed when signed and when checked. */
	private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(MailSigner::newDigest);

	private final @Nullable SharedSecret secret;

	MailSigner(@Nullable SharedSecret secret) {
		this.secret = secret;
	}

	/**
	 * Return the message with its signature, or as it is without a secret.
	 * @param message the unsigned message
	 * @return the message to store
	 */
	MailMessage sign(MailMessage message) {
		SharedSecret secret = this.secret;
		if (secret == null) {
			return message;
		}
		return new MailMessage(message.id(), message.from(), message.to(), message.type(), message.correlation(),
				message.expiresAtMillis(), message.metadata(), message.data(), secret.prove(fields(message)));
	}

	/**
	 * Return whether a received message may be handled.
	 * @param message the message
	 * @return {@code true} without a secret, or when the signature is valid
	 */
	boolean verify(MailMessage message) {
		SharedSecret secret = this.secret;
		if (secret == null) {
			return true;
		}
		String signature = message.signature();
		return signature != null && secret.verify(signature, fields(message));
	}

	private static Object[] fields(MailMessage message) {
		return new Object[] { "mail", message.id(), message.from(), message.to(), message.type(), message.correlation(),
				message.expiresAtMillis(), digest(message.metadata()), digest(message.data()) };
	}

	private static String digest(byte[] bytes) {
		// digest() resets it for the next call on this thread
		return Base64.getEncoder().encodeToString(DIGESTS.get().digest(bytes));
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
