/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;

/**
 * The pace of a mailbox transport.
 *
 * @param checkInInterval how often a node renews its registry entry and looks for peers
 * that came or went
 * @param lease how long an entry stays live without renewal: a node that dies stays a
 * peer this long, so a few check-in intervals
 * @param fireTtl how long a fire-and-forget waits in a mailbox for a node that is down;
 * requests and replies live for the request timeout instead
 * @param expireInterval how often a node removes expired messages and entries from the
 * store
 * @author LiteMesh team
 */
public record MailboxTimings(Duration checkInInterval, Duration lease, Duration fireTtl, Duration expireInterval) {

	/**
	 * Check in every second with a five-second lease; fire-and-forgets wait five minutes.
	 */
	public static final MailboxTimings DEFAULT = new MailboxTimings(Duration.ofSeconds(1), Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofSeconds(30));

	/**
	 * Validate the timings, naming the bad value.
	 */
	public MailboxTimings {
		requirePositive(checkInInterval, "checkInInterval");
		requirePositive(lease, "lease");
		requirePositive(fireTtl, "fireTtl");
		requirePositive(expireInterval, "expireInterval");
		if (lease.compareTo(checkInInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("'lease' must be at least twice 'checkInInterval' (" + checkInInterval
					+ "), so one late check-in does not drop a node, but was " + lease);
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("'" + name + "' must be positive, but was " + value);
		}
	}

}
