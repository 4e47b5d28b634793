/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Scheduler;

/**
 * One direction of an in-memory link: runs what is sent over it one task at a time, in
 * the order it was sent, on a thread of the network's shared scheduler, never on the
 * sender's stack. Thousands of lanes share a few threads: a lane holds a thread only
 * while it has work, and gives it up after a batch so that a busy lane does not starve
 * the others. At most a bounded number of tasks wait, as a socket's buffers would bound
 * them.
 *
 * @author LiteMesh team
 */
final class Lane implements Executor {

	private static final Log logger = LogFactory.getLog(Lane.class);

	/** Tasks run before the lane gives its thread to another lane. */
	private static final int BATCH = 64;

	private final String name;

	private final Scheduler scheduler;

	private final int bound;

	private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

	/** Work-in-progress signals: non-zero while a drain is scheduled or running. */
	private final AtomicInteger wip = new AtomicInteger();

	private final AtomicInteger size = new AtomicInteger();

	Lane(String name, Scheduler scheduler, int bound) {
		this.name = name;
		this.scheduler = scheduler;
		this.bound = bound;
	}

	/**
	 * Return whether the lane holds as many waiting tasks as it may.
	 * @return {@code true} when {@link #execute(Runnable)} would refuse a task
	 */
	boolean isFull() {
		return this.size.get() >= this.bound;
	}

	/**
	 * Queue a task behind every task queued before it.
	 * @param task the task
	 * @throws RejectedExecutionException when the lane is full
	 */
	@Override
	public void execute(Runnable task) {
		if (this.size.incrementAndGet() > this.bound) {
			this.size.decrementAndGet();
			throw new RejectedExecutionException(
					"In-memory link " + this.name + " has " + this.bound + " messages waiting; the receiver is behind");
		}
		this.queue.offer(task);
		if (this.wip.getAndIncrement() == 0) {
			schedule();
		}
	}

	private void schedule() {
		try {
			this.scheduler.schedule(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// the network closed: nothing runs any more
			logger.debug("In-memory link " + this.name + " dropped its queue: the network is closed");
		}
	}

	private void drain() {
		int missed = 1;
		int ran = 0;
		while (true) {
			Runnable task;
			while ((task = this.queue.poll()) != null) {
				this.size.decrementAndGet();
				run(task);
				if (++ran == BATCH) {
					// wip stays above zero, so no sender schedules a second drain
					schedule();
					return;
				}
			}
			missed = this.wip.addAndGet(-missed);
			if (missed == 0) {
				return;
			}
		}
	}

	private void run(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			logger.warn("In-memory link " + this.name + ": a delivery failed", ex);
		}
	}

}
