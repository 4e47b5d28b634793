/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Proves and checks knowledge of the cluster's shared secret with HMAC-SHA256, so the
 * secret itself never crosses the wire. The HMAC key is stretched from the secret with
 * PBKDF2, so that every guess of an offline dictionary attack on a captured proof costs
 * {@value #ITERATIONS} HMAC rounds instead of one. Proofs of the node handshake are bound
 * to fresh {@link #nonce() nonces} of both sides, so a captured proof is worth nothing on
 * another connection.
 *
 * @author LiteMesh team
 */
public final class SharedSecret {

	/**
	 * PBKDF2 rounds: a node derives its key once (and nodes of one JVM share it), so this
	 * costs about 0.1 s at start while slowing every offline guess as much.
	 */
	static final int ITERATIONS = 100_000;

	private static final byte[] SALT = "litemesh-shared-secret-v2".getBytes(StandardCharsets.US_ASCII);

	private static final Map<String, byte[]> DERIVED = new ConcurrentHashMap<>();

	private static final int MAX_DERIVED = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

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
		this.key = new SecretKeySpec(derive(secret), "HmacSHA256");
		this.clock = clock;
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	private static byte[] derive(String secret) {
		String id = HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
		byte[] cached = DERIVED.get(id);
		if (cached != null) {
			return cached;
		}
		try {
			SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
			byte[] derived = factory.generateSecret(new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256))
				.getEncoded();
			if (DERIVED.size() < MAX_DERIVED) {
				DERIVED.put(id, derived);
			}
			return derived;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Return a fresh random challenge.
	 * @return 24 random bytes, Base64
	 */
	public static String nonce() {
		byte[] nonce = new byte[24];
		RANDOM.nextBytes(nonce);
		return Base64.getEncoder().encodeToString(nonce);
	}

	/**
	 * Return the current time of this node's clock.
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
	public boolean verify(@Nullable String proof, Object... fields) {
		if (proof == null) {
			return false;
		}
		byte[] expected = prove(fields).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public String toString() {
		return "SharedSecret[(hidden)]";
	}

}
