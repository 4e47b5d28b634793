/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

/**
 * Whether the database answered the last call of a store, and how long to back off while
 * it does not. It logs at debug level only: the store throws on every failure, and the
 * mailbox transport that calls it says what failed at the level it deserves.
 *
 * @author LiteMesh team
 */
final class StoreHealth {

	private static final Log logger = LogFactory.getLog(StoreHealth.class);

	private static final long FIRST_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();

	private final long maxBackoffNanos;

	private volatile int failures;

	private volatile @Nullable String error;

	StoreHealth(Duration maxBackoff) {
		this.maxBackoffNanos = maxBackoff.toNanos();
	}

	void succeeded() {
		if (this.failures > 0) {
			synchronized (this) {
				if (this.failures > 0) {
					if (logger.isDebugEnabled()) {
						logger.debug("JDBC mailbox database answers again after " + this.failures + " failures");
					}
					this.failures = 0;
					this.error = null;
				}
			}
		}
	}

	synchronized void failed(RuntimeException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("JDBC mailbox database call failed (" + (this.failures + 1) + " in a row)", ex);
		}
		this.failures++;
		// the outermost message says what failed, the innermost why
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		this.error = ex.getMessage() + ((cause != ex) ? " (" + cause + ")" : "");
	}

	boolean isUp() {
		return this.failures == 0;
	}

	int failures() {
		return this.failures;
	}

	@Nullable String error() {
		return this.error;
	}

	/**
	 * Return how long a waiting mailbox backs off after the failures so far: doubling
	 * from 100 ms up to the bound.
	 * @return the back-off, zero while the database answers
	 */
	long backoffNanos() {
		int failures = this.failures;
		if (failures == 0) {
			return 0;
		}
		long backoff = FIRST_BACKOFF_NANOS << Math.min(failures - 1, 20);
		return Math.min(backoff, this.maxBackoffNanos);
	}

}
