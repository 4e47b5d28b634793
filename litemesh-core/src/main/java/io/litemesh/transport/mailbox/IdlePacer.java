/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;

/**
 * The pace at which a store polls an idle mailbox when nothing wakes it: a short interval
 * right after mail came, so that a burst is picked up quickly, doubled at every idle poll
 * up to a limit, so that an idle mailbox costs little. Not thread-safe: its owner guards
 * it.
 *
 * @author LiteMesh team
 */
public final class IdlePacer {

	private final long minNanos;

	private final long limitNanos;

	private long intervalNanos;

	/**
	 * Create a pacer at its shortest interval.
	 * @param min the interval right after mail came
	 * @param limit the longest interval; the shortest when it is shorter
	 */
	public IdlePacer(Duration min, Duration limit) {
		this.minNanos = Math.max(1, min.toNanos());
		this.limitNanos = Math.max(this.minNanos, limit.toNanos());
		this.intervalNanos = this.minNanos;
	}

	/**
	 * Return how long to wait before the next poll.
	 * @return the interval in nanoseconds
	 */
	public long intervalNanos() {
		return this.intervalNanos;
	}

	/**
	 * Record that mail came: poll again soon.
	 */
	public void reset() {
		this.intervalNanos = this.minNanos;
	}

	/**
	 * Record that a poll found the mailbox idle: double the interval, up to the limit.
	 */
	public void lengthen() {
		this.intervalNanos = (this.intervalNanos > this.limitNanos / 2) ? this.limitNanos : this.intervalNanos * 2;
	}

}
