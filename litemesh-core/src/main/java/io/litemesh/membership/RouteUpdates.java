/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

/**
 * Coalesces the changes of the link-state database into route computations, the way
 * link-state routers throttle their shortest-path runs: a change after a quiet spell is
 * computed at once, the changes that arrive within the hold time after a computation are
 * computed together when it ends, and a change of this node's own links or services is
 * computed at once whatever the pace, so that no request waits for a route over a link
 * that is gone. A burst of advertisements (a node joining, a rolling restart) so costs
 * each node one computation per hold time, not one per advertisement.
 *
 * @author LiteMesh team
 */
final class RouteUpdates {

	/**
	 * System property that sets the hold time in milliseconds, for the scale simulation
	 * to measure what coalescing buys ({@code 0}: every change computed at once); not a
	 * setting for production.
	 */
	static final String HOLD_PROPERTY = "litemesh.internal.route-hold-ms";

	/**
	 * How long changes are gathered after a computation: short against the time a flood
	 * takes to cross a mesh, long against the time one computation takes at a thousand
	 * nodes (about a millisecond).
	 */
	static final Duration HOLD = Duration.ofMillis(Long.getLong(HOLD_PROPERTY, 50));

	private final Runnable compute;

	private final Scheduler scheduler;

	private final long holdNanos;

	private boolean ran;

	private long lastRun;

	private boolean scheduled;

	/**
	 * Create the coalescer of one node.
	 * @param compute publishes the routes for the database as it is then
	 * @param scheduler where deferred computations run
	 * @param hold how long changes are gathered after a computation
	 */
	RouteUpdates(Runnable compute, Scheduler scheduler, Duration hold) {
		this.compute = compute;
		this.scheduler = scheduler;
		this.holdNanos = hold.toNanos();
	}

	/**
	 * Take a change of the database: compute the routes now or within the hold time.
	 * @param urgent whether the change is of this node's own links or services, which is
	 * computed at once
	 */
	void changed(boolean urgent) {
		boolean now;
		synchronized (this) {
			long elapsed = System.nanoTime() - this.lastRun;
			now = urgent || (!this.scheduled && (!this.ran || elapsed >= this.holdNanos));
			if (now) {
				this.ran = true;
				this.lastRun = System.nanoTime();
			}
			else if (!this.scheduled) {
				this.scheduled = true;
				schedule(this.holdNanos - elapsed);
			}
		}
		if (now) {
			this.compute.run();
		}
	}

	private void schedule(long delayNanos) {
		try {
			this.scheduler.schedule(this::runDeferred, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the node stops: its routes no longer matter
			this.scheduled = false;
		}
	}

	private void runDeferred() {
		synchronized (this) {
			this.scheduled = false;
			this.lastRun = System.nanoTime();
		}
		this.compute.run();
	}

}
