/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The newest advertisement of every node this node knows, with the time it arrived: the
 * whole graph of the mesh. Thread-safe; every change raises {@link #version()} so that
 * derived views (routes) are recomputed on change, never per message or refresh.
 *
 * @author LiteMesh team
 */
public final class LinkStateDatabase {

	private final String localId;

	private final Clock clock;

	private final Map<String, Entry> entries = new HashMap<>();

	private long version;

	/**
	 * Create an empty database.
	 * @param localId the id of the node that holds it
	 * @param clock the clock that stamps arrivals
	 */
	public LinkStateDatabase(String localId, Clock clock) {
		this.localId = localId;
		this.clock = clock;
	}

	/**
	 * Store an advertisement when it is newer than the one held. A refresh that says what
	 * the held one said, under a new sequence, renews its age but raises no
	 * {@link #version()}: nothing derived from the graph changes, so at a thousand nodes
	 * the refreshes every node floods cost no route computation.
	 * @param advertisement the advertisement
	 * @return {@code true} when it was stored, so it should be flooded on
	 */
	public synchronized boolean update(NodeAdvertisement advertisement) {
		Entry current = this.entries.get(advertisement.nodeId());
		if (current != null && !advertisement.isNewerThan(current.advertisement())) {
			return false;
		}
		this.entries.put(advertisement.nodeId(), new Entry(advertisement, this.clock.instant()));
		if (current == null || !advertisement.saysTheSameAs(current.advertisement())) {
			this.version++;
		}
		return true;
	}

	/**
	 * Remove the advertisements, other than the local node's, that arrived longer ago
	 * than the time to live.
	 * @param ttl the time to live
	 * @return the ids of the nodes removed
	 */
	public synchronized List<String> expire(Duration ttl) {
		Instant limit = this.clock.instant().minus(ttl);
		List<String> removed = new ArrayList<>();
		this.entries.values().removeIf((entry) -> {
			boolean expired = !entry.advertisement().nodeId().equals(this.localId)
					&& entry.receivedAt().isBefore(limit);
			if (expired) {
				removed.add(entry.advertisement().nodeId());
			}
			return expired;
		});
		if (!removed.isEmpty()) {
			this.version++;
		}
		return removed;
	}

	/**
	 * Return how many nodes the database holds.
	 * @return the count, this node included
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	/**
	 * Return the entry of a node.
	 * @param nodeId the node
	 * @return the entry, {@code null} for an unknown node
	 */
	public synchronized @Nullable Entry get(String nodeId) {
		return this.entries.get(nodeId);
	}

	/**
	 * Return a copy of every entry.
	 * @return the entries
	 */
	public synchronized Collection<Entry> entries() {
		return new ArrayList<>(this.entries.values());
	}

	/**
	 * Return a copy of every advertisement.
	 * @return the advertisements
	 */
	public synchronized List<NodeAdvertisement> advertisements() {
		return this.entries.values().stream().map(Entry::advertisement).toList();
	}

	/**
	 * Return the version, raised by every change of what the graph says (a node, link,
	 * address or service that comes, goes or changes), not by refreshes.
	 * @return the version
	 */
	public synchronized long version() {
		return this.version;
	}

	/**
	 * An advertisement and when it arrived.
	 *
	 * @param advertisement the advertisement
	 * @param receivedAt when it arrived
	 */
	public record Entry(NodeAdvertisement advertisement, Instant receivedAt) {
	}

}
