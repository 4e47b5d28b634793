/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

/**
 * Coalesces a burst of changes into few runs of the work they call for, the way
 * link-state routers throttle their shortest-path runs and the origination of their own
 * advertisements: a change after a quiet spell runs the work at once, the changes that
 * arrive within the hold time after a run are handled together by one run when it ends,
 * the hold time doubling while changes keep coming, and an urgent change runs the work at
 * once whatever the pace. Membership uses one for the route computation (a burst of
 * advertisements, a node joining or a rolling restart, costs each node one computation
 * per hold time, not one per advertisement; a change of the node's own links is urgent,
 * so that no request waits for a route over a link that is gone) and one for flooding its
 * own advertisement (a node whose links come up one after another floods a few
 * advertisements, not one per link).
 *
 * @author LiteMesh team
 */
final class Coalescer {

	/**
	 * System property that sets both first hold times in milliseconds, for the scale
	 * simulation to measure what coalescing buys ({@code 0}: every change handled at
	 * once); not a setting for production.
	 */
	static final String HOLD_PROPERTY = "litemesh.internal.hold-ms";

	/**
	 * How long changes are gathered after a route computation at first: short against the
	 * time a flood takes to cross a mesh, long against the time one computation takes at
	 * a thousand nodes (a few milliseconds).
	 */
	static final Duration ROUTE_HOLD = Duration.ofMillis(Long.getLong(HOLD_PROPERTY, 50));

	/**
	 * How long a node gathers changes of its own links and services after flooding its
	 * own advertisement at first: what it delays the news of a change by, at most, when
	 * changes come one at a time.
	 */
	static final Duration ADVERTISE_HOLD = Duration.ofMillis(Long.getLong(HOLD_PROPERTY, 100));

	/**
	 * How far a hold time grows while changes keep coming (a mesh of a thousand nodes
	 * starting at once): each deferred run doubles it, as routers back off their
	 * shortest-path runs and advertisements, and a quiet spell of twice the hold time
	 * brings it back to the first.
	 */
	static final int MAX_BACKOFF = 16;

	private final Runnable work;

	private final Scheduler scheduler;

	private final long firstHold;

	private final long maxHold;

	private long hold;

	private boolean ran;

	private long lastRun;

	private boolean scheduled;

	/**
	 * Create a coalescer.
	 * @param work handles every change so far, such as computing the routes for the
	 * database as it is then
	 * @param scheduler where deferred runs run
	 * @param hold how long changes are gathered after a run at first
	 */
	Coalescer(Runnable work, Scheduler scheduler, Duration hold) {
		this.work = work;
		this.scheduler = scheduler;
		this.firstHold = hold.toNanos();
		this.maxHold = this.firstHold * MAX_BACKOFF;
		this.hold = this.firstHold;
	}

	/**
	 * Take a change: run the work now or at the end of the hold time.
	 * @param urgent whether the work must run at once
	 */
	void changed(boolean urgent) {
		boolean now;
		synchronized (this) {
			long elapsed = System.nanoTime() - this.lastRun;
			if (this.ran && !this.scheduled && elapsed >= 2 * this.hold) {
				this.hold = this.firstHold;
			}
			now = urgent || (!this.scheduled && (!this.ran || elapsed >= this.hold));
			if (now) {
				this.ran = true;
				this.lastRun = System.nanoTime();
			}
			else if (!this.scheduled) {
				this.scheduled = true;
				schedule(this.hold - elapsed);
				this.hold = Math.min(this.maxHold, 2 * this.hold);
			}
		}
		if (now) {
			this.work.run();
		}
	}

	private void schedule(long delayNanos) {
		try {
			this.scheduler.schedule(this::runDeferred, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the node stops: what the work would publish no longer matters
			this.scheduled = false;
		}
	}

	private void runDeferred() {
		synchronized (this) {
			this.scheduled = false;
			this.lastRun = System.nanoTime();
		}
		this.work.run();
	}

}
