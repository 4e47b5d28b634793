/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves and checks knowledge of the cluster's shared secret with HMAC-SHA256, so the
 * secret itself never crosses the wire. A dialling node signs its hello with a timestamp
 * (replays are refused outside a window); the accepting node signs its answer over the
 * dialling node's proof, so both ends know the other holds the secret.
 *
 * @author LiteMesh team
 */
public final class SharedSecret {

	/** How far a hello's timestamp may be from this node's clock. */
	public static final Duration WINDOW = Duration.ofMinutes(2);

	private final SecretKeySpec key;

	/**
	 * One initialised MAC per thread: the mailbox signs every message, so no set-up per
	 * call.
	 */
	private final ThreadLocal<Mac> macs;

	private final Clock clock;

	/**
	 * Create a prover for a secret.
	 * @param secret the shared secret
	 * @param clock the clock for timestamps
	 */
	public SharedSecret(String secret, Clock clock) {
		if (secret.length() < 8) {
			throw new IllegalArgumentException("'litemesh.security.secret' must have at least 8 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/**
	 * Return the current time, to put in a hello.
	 * @return epoch milliseconds
	 */
	public long now() {
		return this.clock.millis();
	}

	/**
	 * Sign the given fields.
	 * @param fields what the proof covers, in order
	 * @return the proof, Base64
	 */
	public String prove(Object... fields) {
		StringBuilder text = new StringBuilder("litemesh-v1");
		for (Object field : fields) {
			text.append('|').append(field);
		}
		// doFinal resets the MAC for the next call on this thread
		byte[] proof = this.macs.get().doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(proof);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Check a proof in constant time.
	 * @param proof the proof received, may be {@code null}
	 * @param fields what it must cover
	 * @return {@code true} when the proof is valid
	 */
	public boolean verify(String proof, Object... fields) {
		if (proof == null) {
			return false;
		}
		byte[] expected = prove(fields).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Return whether a hello's timestamp is recent enough to be no replay.
	 * @param timestamp the timestamp, epoch milliseconds
	 * @return {@code true} when within {@link #WINDOW} of now
	 */
	public boolean isFresh(long timestamp) {
		return Math.abs(now() - timestamp) <= WINDOW.toMillis();
	}

}
