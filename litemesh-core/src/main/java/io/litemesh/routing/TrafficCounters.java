/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the routing layer of one node counts: messages handed to links, messages dropped
 * at the hop limit, messages that could not be read, and calls its access rules denied.
 *
 * @author LiteMesh team
 */
final class TrafficCounters {

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong hopLimitDrops = new AtomicLong();

	private final AtomicLong malformed = new AtomicLong();

	private final AtomicLong denied = new AtomicLong();

	void sent() {
		this.sent.incrementAndGet();
	}

	void hopLimitDrop() {
		this.hopLimitDrops.incrementAndGet();
	}

	void malformed() {
		this.malformed.incrementAndGet();
	}

	void denied() {
		this.denied.incrementAndGet();
	}

	RoutingStatistics snapshot() {
		return new RoutingStatistics(this.sent.get(), this.hopLimitDrops.get(), this.malformed.get(),
				this.denied.get());
	}

}
