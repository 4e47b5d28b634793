/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.litemesh.transport.mailbox.IdlePacer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Waits for mail in one {@code new/} directory: wakes up at once on a
 * {@link WatchService} event where the file system reports them, and polls adaptively
 * besides, because a watch sees only the writes of its own host (not those of another
 * host on a shared mount) and some platforms emulate it by slow polling. The poll
 * interval starts short after mail was found and doubles while the mailbox stays empty,
 * up to a bound.
 *
 * @author LiteMesh team
 */
final class MailboxWaiter implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MailboxWaiter.class);

	/** Poll interval right after mail was found. */
	static final Duration BUSY_INTERVAL = Duration.ofMillis(10);

	private final Path directory;

	private final IdlePacer pacer;

	private @Nullable WatchService watcher;

	private boolean watchUnavailable;

	MailboxWaiter(Path directory, Duration idleInterval) {
		this.directory = directory;
		this.pacer = new IdlePacer(BUSY_INTERVAL, idleInterval);
	}

	/**
	 * Say whether the last claim found mail, to set the pace of polling.
	 * @param found {@code true} when mail was found
	 */
	synchronized void claimed(boolean found) {
		if (found) {
			this.pacer.reset();
		}
		else {
			this.pacer.lengthen();
		}
	}

	/**
	 * Wait for a watch event, the poll interval or the timeout, whichever comes first.
	 * @param timeout the longest wait
	 * @throws InterruptedException when interrupted
	 */
	void await(Duration timeout) throws InterruptedException {
		long waitMillis;
		WatchService service;
		synchronized (this) {
			waitMillis = Math.min(timeout.toMillis(), TimeUnit.NANOSECONDS.toMillis(this.pacer.intervalNanos()));
			service = watcher();
		}
		if (waitMillis <= 0) {
			return;
		}
		if (service == null) {
			Thread.sleep(waitMillis);
			return;
		}
		try {
			WatchKey key = service.poll(waitMillis, TimeUnit.MILLISECONDS);
			if (key != null) {
				// one event is enough to claim; drop the rest so the next wait blocks
				key.pollEvents();
				key.reset();
			}
		}
		catch (ClosedWatchServiceException ex) {
			Thread.sleep(waitMillis);
		}
	}

	private @Nullable WatchService watcher() {
		if (this.watcher != null || this.watchUnavailable) {
			return this.watcher;
		}
		try {
			WatchService service = this.directory.getFileSystem().newWatchService();
			this.directory.register(service, StandardWatchEventKinds.ENTRY_CREATE);
			this.watcher = service;
		}
		catch (IOException | UnsupportedOperationException ex) {
			// polling alone still works, only with more latency
			this.watchUnavailable = true;
			logger.debug("No watch service for " + this.directory + "; polling only: " + ex);
		}
		return this.watcher;
	}

	@Override
	public synchronized void close() {
		WatchService service = this.watcher;
		this.watcher = null;
		this.watchUnavailable = true;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the watch service of " + this.directory, ex);
			}
		}
	}

}
