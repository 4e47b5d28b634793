/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes message ids. They must be unique, not unpredictable, so they come from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from one JVM-wide
 * {@code SecureRandom} whose lock every event loop would queue on (measured here: the top
 * frame of most event-loop threads while 30 nodes joined).
 *
 * @author LiteMesh team
 */
public final class MessageIds {

	private MessageIds() {
	}

	/**
	 * Return a new random (version 4) UUID.
	 * @return the id
	 */
	public static UUID next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

}
