/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Whether a node's store works, and the log of its failures: a store that is down (a
 * database restarting, a mount gone) fails every poll, so the first failure of a streak
 * is a warning and the rest are debug messages, and the recovery is said once.
 *
 * @author LiteMesh team
 */
final class StoreHealth {

	private static final Log logger = LogFactory.getLog(MailboxTransport.class);

	private final String description;

	private final AtomicBoolean up = new AtomicBoolean(true);

	private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

	StoreHealth(String description) {
		this.description = description;
	}

	/**
	 * Record a failed store operation.
	 * @param operation what was tried, for the log
	 * @param failure what went wrong
	 */
	void failed(String operation, Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		this.lastError.set(operation + ": " + message);
		if (this.up.compareAndSet(true, false)) {
			logger.warn(this.description + " cannot " + operation + " (" + message + "); retrying with back-off",
					failure);
		}
		else {
			logger.debug(this.description + " still cannot " + operation + ": " + message);
		}
	}

	/**
	 * Record a store operation that worked.
	 */
	void succeeded() {
		if (this.up.compareAndSet(false, true)) {
			logger.info(this.description + " works again");
			this.lastError.set(null);
		}
	}

	boolean isUp() {
		return this.up.get();
	}

	@Nullable String lastError() {
		return this.lastError.get();
	}

}
