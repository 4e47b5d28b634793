/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

/**
 * The message every system echoes: 101 bytes of JSON, serialised by the client and the
 * server with Jackson, the same for every system so the comparison is fair.
 *
 * @param id a seven-digit id, different per call
 * @param sender the caller's name
 * @param text some text
 * @param count a number
 * @param urgent a flag
 * @author LiteMesh team
 */
public record EchoMessage(long id, String sender, String text, int count, boolean urgent) {

	/**
	 * Return the message of the given call: always 101 bytes as JSON.
	 * @param sequence the call's sequence number
	 * @return the message
	 */
	public static EchoMessage of(long sequence) {
		// seven digits whatever the sequence, so the size stays the same
		return new EchoMessage(1_000_000 + (sequence % 9_000_000), "bench-client", "a small JSON echo, 101 bytes", 42,
				true);
	}

}
