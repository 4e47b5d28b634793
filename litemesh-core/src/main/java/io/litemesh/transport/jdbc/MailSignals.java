/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.transport.mailbox.IdlePacer;

/**
 * Where the mailboxes of a store wait for mail: a wake-up that a notification or a local
 * delivery leaves for a mailbox, and the adaptive interval at which an idle mailbox is
 * polled when nothing wakes it.
 *
 * @author LiteMesh team
 */
final class MailSignals {

	/** The first idle interval: a mailbox that just went quiet is polled again soon. */
	static final Duration MIN_IDLE = Duration.ofMillis(10);

	private final ConcurrentMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

	private final Duration maxIdle;

	private final AtomicLong notified = new AtomicLong();

	MailSignals(Duration maxIdle) {
		this.maxIdle = maxIdle;
	}

	/**
	 * Start tracking a mailbox, before it is first claimed from, so that a wake-up that
	 * comes during the claim is kept.
	 * @param nodeId the mailbox owner
	 */
	void track(String nodeId) {
		mailbox(nodeId);
	}

	/**
	 * Leave a wake-up for a mailbox of this store; mailboxes it does not track are not
	 * its nodes' and are ignored.
	 * @param nodeId the mailbox owner
	 */
	void wake(String nodeId) {
		Mailbox mailbox = this.mailboxes.get(nodeId);
		if (mailbox != null) {
			mailbox.wake();
		}
	}

	/**
	 * Leave a wake-up that a database notification brought, counting it when the mailbox
	 * is one of this store's.
	 * @param nodeId the mailbox owner
	 */
	void notified(String nodeId) {
		Mailbox mailbox = this.mailboxes.get(nodeId);
		if (mailbox != null) {
			this.notified.incrementAndGet();
			mailbox.wake();
		}
	}

	/**
	 * Return how many notifications woke a mailbox of this store.
	 * @return the count
	 */
	long notifications() {
		return this.notified.get();
	}

	/**
	 * Wake every mailbox, as after notifications may have been missed.
	 */
	void wakeAll() {
		this.mailboxes.values().forEach(Mailbox::wake);
	}

	/**
	 * Record what a claim returned: mail makes the mailbox busy and resets its idle
	 * interval.
	 * @param nodeId the mailbox owner
	 * @param count how many messages the claim returned
	 * @param max how many it asked for
	 */
	void claimed(String nodeId, int count, int max) {
		mailbox(nodeId).claimed(count, max);
	}

	/**
	 * Wait for a wake-up.
	 * @param nodeId the mailbox owner
	 * @param maxNanos the longest wait
	 * @param adaptive whether to wait at most the mailbox's idle interval and then
	 * lengthen it, as when polling is all there is
	 * @throws InterruptedException when interrupted
	 */
	void await(String nodeId, long maxNanos, boolean adaptive) throws InterruptedException {
		mailbox(nodeId).await(maxNanos, adaptive);
	}

	private Mailbox mailbox(String nodeId) {
		return this.mailboxes.computeIfAbsent(nodeId, (id) -> new Mailbox(new IdlePacer(MIN_IDLE, this.maxIdle)));
	}

	private static final class Mailbox {

		private final IdlePacer pacer;

		private boolean woken;

		private boolean busy;

		Mailbox(IdlePacer pacer) {
			this.pacer = pacer;
		}

		synchronized void wake() {
			this.woken = true;
			notifyAll();
		}

		synchronized void claimed(int count, int max) {
			if (count > 0) {
				this.pacer.reset();
			}
			// a full batch suggests more is waiting: the caller claims again at once
			this.busy = count >= max && max > 0;
		}

		synchronized void await(long maxNanos, boolean adaptive) throws InterruptedException {
			if (this.busy || this.woken) {
				this.busy = false;
				this.woken = false;
				return;
			}
			long wait = adaptive ? Math.min(maxNanos, this.pacer.intervalNanos()) : maxNanos;
			long deadline = System.nanoTime() + wait;
			long left = wait;
			while (!this.woken && left > 0) {
				TimeUnit.NANOSECONDS.timedWait(this, left);
				left = deadline - System.nanoTime();
			}
			if (this.woken) {
				this.woken = false;
			}
			else if (adaptive) {
				// idle: back off, up to the bound
				this.pacer.lengthen();
			}
		}

	}

}
