/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The ids of the messages a node received lately, shared by all the durable transports of
 * the node, so that a message a store offers again (at-least-once), a copy replayed into
 * another store, or one delivered through two stores reaches its handler once.
 * <p>
 * Sized by expiry, not by count: an id is remembered until its message expires, after
 * which the message is refused as expired anyway, so a replay is caught for as long as it
 * could be handled. The transports refuse expiry times further off than
 * {@link Inbox#DEDUPE_WINDOW}, which bounds how long an id is kept.
 * <p>
 * A hard bound on entries keeps a flood from exhausting memory. At the bound the id that
 * expires soonest is forgotten, so the node keeps handling new messages (failing closed
 * would let a flood of valid messages block every legitimate one); the replay window of
 * that one id shrinks, each such eviction is counted in {@link #overflows()} and the
 * first is logged. With a secret only members can make new ids, so reaching the bound
 * takes a member's flood or more traffic than the bound was sized for.
 *
 * @author LiteMesh team
 */
public final class MessageDedupe {

	/**
	 * Default most ids remembered: under 10 MB of heap at the bound (an id, its expiry
	 * and their map and queue entries take about 130 bytes), and room for a hundred
	 * messages a second through a ten-minute window.
	 */
	public static final int DEFAULT_MAX_ENTRIES = 65_536;

	private static final Log logger = LogFactory.getLog(MessageDedupe.class);

	private final int maxEntries;

	private final Map<UUID, Long> seen = new HashMap<>();

	private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

	private final AtomicLong overflows = new AtomicLong();

	/**
	 * Create a dedupe with {@link #DEFAULT_MAX_ENTRIES}.
	 */
	public MessageDedupe() {
		this(DEFAULT_MAX_ENTRIES);
	}

	/**
	 * Create a dedupe.
	 * @param maxEntries the most ids remembered at once
	 */
	public MessageDedupe(int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("'maxEntries' must be positive, but was " + maxEntries);
		}
		this.maxEntries = maxEntries;
	}

	/**
	 * Record the id of a message that is about to be handled.
	 * @param id the message id
	 * @param expiresAtMillis when the message expires: the id is remembered until then
	 * @param now the current time, epoch milliseconds
	 * @return {@code true} when the id is new, {@code false} for a duplicate
	 */
	synchronized boolean add(UUID id, long expiresAtMillis, long now) {
		evictExpired(now);
		if (this.seen.containsKey(id)) {
			return false;
		}
		while (this.seen.size() >= this.maxEntries) {
			Entry soonest = this.byExpiry.remove();
			this.seen.remove(soonest.id());
			if (this.overflows.incrementAndGet() == 1) {
				logger.warn("More than " + this.maxEntries + " unexpired message ids to remember against "
						+ "replays; forgetting those that expire soonest");
			}
		}
		this.seen.put(id, expiresAtMillis);
		this.byExpiry.add(new Entry(expiresAtMillis, id));
		return true;
	}

	private void evictExpired(long now) {
		Entry oldest;
		while ((oldest = this.byExpiry.peek()) != null && oldest.expiresAtMillis() <= now) {
			this.byExpiry.remove();
			this.seen.remove(oldest.id());
		}
	}

	/**
	 * Return how many ids are remembered now.
	 * @return the count
	 */
	synchronized int size() {
		return this.seen.size();
	}

	/**
	 * Return how many unexpired ids were forgotten because the bound was reached.
	 * @return the count
	 */
	public long overflows() {
		return this.overflows.get();
	}

	private record Entry(long expiresAtMillis, UUID id) implements Comparable<Entry> {

		@Override
		public int compareTo(Entry other) {
			int byTime = Long.compare(this.expiresAtMillis, other.expiresAtMillis);
			return (byTime != 0) ? byTime : this.id.compareTo(other.id);
		}

	}

}
