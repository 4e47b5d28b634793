/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Whether the database answered the last call of a store, for its status. It logs at
 * debug level only: the store throws on every failure, and the mailbox transport that
 * calls it says what failed at the level it deserves, and backs off.
 *
 * @author LiteMesh team
 */
final class StoreHealth {

	private static final Log logger = LogFactory.getLog(StoreHealth.class);

	private volatile int failures;

	private volatile @Nullable String error;

	/**
	 * Make a database call and record whether it worked. A deadlock between a claim and
	 * an acknowledgement rolls one back: that is contention, not an outage, and the
	 * rolled-back call is safe to make again.
	 * @param <T> the result type
	 * @param call the call
	 * @param attempts how often to try a call that deadlocked
	 * @return the result
	 */
	<T> T call(Supplier<T> call, int attempts) {
		for (int attempt = 1;; attempt++) {
			try {
				T result = call.get();
				succeeded();
				return result;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= attempts) {
					throw ex;
				}
			}
			catch (RuntimeException ex) {
				failed(ex);
				throw ex;
			}
		}
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

}
