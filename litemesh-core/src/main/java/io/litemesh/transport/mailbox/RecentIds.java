/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the messages a node received lately, so that a message a store offers again
 * (at-least-once) reaches its handler once. Bounded in count and age: a duplicate arrives
 * within a claim timeout or so, and a message older than the window has expired anyway
 * (the transport refuses expiry times beyond the window).
 *
 * @author LiteMesh team
 */
final class RecentIds {

	private final int capacity;

	private final long windowMillis;

	private final LinkedHashMap<UUID, Long> seen = new LinkedHashMap<>();

	RecentIds(int capacity, Duration window) {
		this.capacity = capacity;
		this.windowMillis = window.toMillis();
	}

	/**
	 * Record an id.
	 * @param id the message id
	 * @param now the current time, epoch milliseconds
	 * @return {@code true} when the id is new, {@code false} for a duplicate
	 */
	synchronized boolean add(UUID id, long now) {
		evict(now);
		return this.seen.putIfAbsent(id, now) == null;
	}

	private void evict(long now) {
		Iterator<Map.Entry<UUID, Long>> oldest = this.seen.entrySet().iterator();
		while (oldest.hasNext()) {
			Map.Entry<UUID, Long> entry = oldest.next();
			if (this.seen.size() < this.capacity && now - entry.getValue() < this.windowMillis) {
				return;
			}
			oldest.remove();
		}
	}

}
