/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;

/**
 * The end of the time a command may take ({@code --timeout}): connecting, joining and
 * every answer share it, so no step can stretch the command past it.
 *
 * @param timeout the whole time the command may take
 * @param end when it runs out, in {@link System#nanoTime()} terms
 * @author LiteMesh team
 */
record Deadline(Duration timeout, long end) {

	static Deadline after(Duration timeout) {
		return new Deadline(timeout, System.nanoTime() + timeout.toNanos());
	}

	/**
	 * Return the time left, at least a millisecond so a timeout operator still fires
	 * rather than failing for a zero duration.
	 * @return the time left
	 */
	Duration remaining() {
		return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), this.end - System.nanoTime()));
	}

	boolean expired() {
		return System.nanoTime() - this.end >= 0;
	}

}
