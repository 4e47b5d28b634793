/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the routing layer of one node counts: messages handed to links, messages dropped
 * at the hop limit, and messages that could not be read.
 *
 * @author LiteMesh team
 */
final class TrafficCounters {

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong hopLimitDrops = new AtomicLong();

	private final AtomicLong malformed = new AtomicLong();

	void sent() {
		this.sent.incrementAndGet();
	}

	void hopLimitDrop() {
		this.hopLimitDrops.incrementAndGet();
	}

	void malformed() {
		this.malformed.incrementAndGet();
	}

	RoutingStatistics snapshot() {
		return new RoutingStatistics(this.sent.get(), this.hopLimitDrops.get(), this.malformed.get());
	}

}
