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
 * Signs mailbox messages and registry entries with the cluster secret and checks the
 * signatures of received ones, so that whoever can write to a shared store cannot talk to
 * the mesh without the secret. The HMAC covers every field, the byte arrays through their
 * SHA-256 digests, and also the cluster and the store's transport name: a message or
 * entry signed for one cluster or one store does not verify when it is copied into
 * another that shares the secret.
 *
 * @author LiteMesh team
 */
final class MailSigner {

	/** One digest per thread: every message is hashed when signed and when checked. */
	private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(MailSigner::newDigest);

	private final @Nullable SharedSecret secret;

	private final String cluster;

	private final String transport;

	MailSigner(@Nullable SharedSecret secret, String cluster, String transport) {
		this.secret = secret;
		this.cluster = cluster;
		this.transport = transport;
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

	/**
	 * Return the entry with its signature, or as it is without a secret.
	 * @param entry the unsigned entry
	 * @return the entry to check in
	 */
	RegistryEntry sign(RegistryEntry entry) {
		SharedSecret secret = this.secret;
		if (secret == null) {
			return entry;
		}
		return new RegistryEntry(entry.nodeId(), entry.cluster(), entry.incarnation(), entry.expiresAtMillis(),
				secret.prove(fields(entry)));
	}

	/**
	 * Return whether a registry entry may be believed.
	 * @param entry the entry, as the store returned it
	 * @return {@code true} without a secret, or when the signature is valid
	 */
	boolean verify(RegistryEntry entry) {
		SharedSecret secret = this.secret;
		if (secret == null) {
			return true;
		}
		String signature = entry.signature();
		return signature != null && secret.verify(signature, fields(entry));
	}

	private Object[] fields(MailMessage message) {
		return new Object[] { "mail", text(this.cluster), text(this.transport), message.id(), text(message.from()),
				text(message.to()), message.type(), message.correlation(), message.expiresAtMillis(),
				digest(message.metadata()), digest(message.data()) };
	}

	private Object[] fields(RegistryEntry entry) {
		// the entry's own cluster is signed besides this node's: a store answers the
		// entries of the cluster asked for, and both must match
		return new Object[] { "registry", text(this.cluster), text(this.transport), text(entry.nodeId()),
				text(entry.cluster()), entry.incarnation(), entry.expiresAtMillis() };
	}

	/**
	 * Return a name with its length in front: the proof joins fields with a separator
	 * that names may contain, and the lengths keep two different lists of fields from
	 * joining into one text.
	 */
	private static String text(String name) {
		return name.length() + ":" + name;
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
