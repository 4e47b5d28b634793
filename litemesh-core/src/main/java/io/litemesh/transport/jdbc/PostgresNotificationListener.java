/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on a PostgreSQL channel on a connection of its own and passes each
 * notification's payload, a node id, on. A notification is only a hint, so nothing is
 * lost when one is: the listener says when it is listening, and after every (re)connect
 * it wakes everyone, since notifications sent meanwhile went nowhere.
 * <p>
 * The wait is {@link PGConnection#getNotifications(int)} with a timeout, which blocks in
 * a socket read: a notification wakes it as soon as it arrives, unlike polling
 * {@code getNotifications()}, and without the millisecond pgjdbc adds before returning
 * (see {@link PgjdbcWakeUp}). The connection is checked while idle, so one that a
 * failover left dead is replaced, and replaced with back-off while the database is away.
 *
 * @author LiteMesh team
 */
final class PostgresNotificationListener implements Runnable {

	private static final Log logger = LogFactory.getLog(PostgresNotificationListener.class);

	/**
	 * How long one wait blocks, and so how long a close takes. A wait that times out
	 * costs no round trip: the driver only sets the socket's read timeout.
	 */
	private static final int WAIT_MILLIS = 200;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private final DataSource dataSource;

	private final String channel;

	private final Consumer<String> onNotification;

	private final Runnable onListening;

	private final Duration validationInterval;

	private final Duration maxBackoff;

	private final Object lock = new Object();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile @Nullable Connection connection;

	private volatile int backendPid;

	private @Nullable Thread thread;

	PostgresNotificationListener(DataSource dataSource, String channel, Consumer<String> onNotification,
			Runnable onListening, Duration validationInterval, Duration maxBackoff) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.onNotification = onNotification;
		this.onListening = onListening;
		this.validationInterval = validationInterval;
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Start listening, once; later calls do nothing.
	 */
	void start() {
		synchronized (this.lock) {
			if (this.running || this.thread != null) {
				return;
			}
			this.running = true;
			Thread thread = new Thread(this, "litemesh-jdbc-listen-" + this.channel);
			thread.setDaemon(true);
			this.thread = thread;
			thread.start();
		}
	}

	/**
	 * Return whether a connection is listening now, so that notifications arrive.
	 * @return whether listening
	 */
	boolean isListening() {
		return this.listening;
	}

	/**
	 * Return the backend process id of the listening connection, for tests that kill it.
	 * @return the pid, 0 when not listening
	 */
	int backendPid() {
		return this.listening ? this.backendPid : 0;
	}

	@Override
	public void run() {
		Duration backoff = FIRST_BACKOFF;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				this.connection = connection;
				listen(connection);
				backoff = FIRST_BACKOFF;
				receive(connection);
			}
			catch (SQLException | RuntimeException ex) {
				boolean wasListening = this.listening;
				this.listening = false;
				if (!this.running) {
					break;
				}
				if (wasListening) {
					logger.warn("Lost the LiteMesh LISTEN connection on channel '" + this.channel
							+ "'; polling until it is back: " + ex);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Cannot LISTEN on channel '" + this.channel + "' yet: " + ex);
				}
				pause(backoff);
				backoff = (backoff.compareTo(this.maxBackoff.dividedBy(2)) < 0) ? backoff.multipliedBy(2)
						: this.maxBackoff;
			}
			finally {
				this.listening = false;
				this.connection = null;
			}
		}
	}

	private void listen(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + this.channel);
			try (var result = statement.executeQuery("SELECT pg_backend_pid()")) {
				this.backendPid = result.next() ? result.getInt(1) : 0;
			}
		}
		PgjdbcWakeUp.skipPendingPeek(connection);
		this.listening = true;
		logger.debug("Listening for LiteMesh mail on channel '" + this.channel + "'");
		// notifications sent before LISTEN took effect went nowhere
		this.onListening.run();
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long lastTraffic = System.nanoTime();
		int emptyAtOnce = 0;
		while (this.running) {
			long waitStarted = System.nanoTime();
			PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
			// pgjdbc returns at once, empty, from a connection that is not idle: no
			// notification would ever come, and the loop would spin
			boolean none = notifications == null || notifications.length == 0;
			boolean atOnce = System.nanoTime() - waitStarted < TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS / 4);
			emptyAtOnce = (none && atOnce) ? emptyAtOnce + 1 : 0;
			if (emptyAtOnce >= 3) {
				throw new SQLException("LISTEN connection does not wait for notifications; it is not idle");
			}
			if (notifications != null && notifications.length > 0) {
				lastTraffic = System.nanoTime();
				for (PGNotification notification : notifications) {
					if (this.channel.equals(notification.getName())) {
						this.onNotification.accept(notification.getParameter());
					}
				}
			}
			else if (System.nanoTime() - lastTraffic > this.validationInterval.toNanos()) {
				// a connection that a failover left half-open would otherwise wait
				// forever
				if (!connection.isValid((int) Math.max(1, this.validationInterval.toSeconds()))) {
					throw new SQLException("LISTEN connection is no longer valid");
				}
				lastTraffic = System.nanoTime();
			}
		}
	}

	private void pause(Duration backoff) {
		synchronized (this.lock) {
			try {
				if (this.running) {
					TimeUnit.NANOSECONDS.timedWait(this.lock, backoff.toNanos());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	/**
	 * Stop listening and release the connection: the loop sees the stop within one wait
	 * and hands the connection back to the pool in order; only a loop stuck longer (on a
	 * dead network) has its connection aborted.
	 */
	void close() {
		Thread thread;
		synchronized (this.lock) {
			this.running = false;
			this.lock.notifyAll();
			thread = this.thread;
		}
		if (thread == null || thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(WAIT_MILLIS * 2L);
			Connection connection = this.connection;
			if (thread.isAlive() && connection != null) {
				connection.abort(Runnable::run);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Cannot abort the LISTEN connection", ex);
		}
	}

}
