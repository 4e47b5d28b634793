/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts the requests and streams in flight from this node to each node, which anycast
 * weighs and the peers' statistics show. A call lowers the very counter it raised, so
 * counting costs a lookup and two atomic operations, never a lock, and a counter can be
 * dropped while calls still hold it.
 *
 * @author LiteMesh team
 */
final class InFlight {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	/**
	 * Count a call that starts.
	 * @param nodeId the node it goes to
	 * @return the counter to hand to {@link #finished} when the call ends
	 */
	AtomicInteger started(String nodeId) {
		AtomicInteger count = this.counts.get(nodeId);
		if (count == null) {
			count = this.counts.computeIfAbsent(nodeId, (id) -> new AtomicInteger());
		}
		count.incrementAndGet();
		return count;
	}

	/**
	 * Count a call that ended.
	 * @param count the counter {@link #started} returned for it
	 */
	void finished(AtomicInteger count) {
		count.decrementAndGet();
	}

	/**
	 * Return how many calls to a node are in flight.
	 * @param nodeId the node
	 * @return the count
	 */
	int count(String nodeId) {
		AtomicInteger count = this.counts.get(nodeId);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Drop the idle counters of nodes that are gone, so restarted nodes with new ids do
	 * not pile up.
	 * @param known whether a node is still in the mesh
	 */
	void forget(Predicate<String> known) {
		this.counts.entrySet().removeIf((entry) -> entry.getValue().get() <= 0 && !known.test(entry.getKey()));
	}

}
