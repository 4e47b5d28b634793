/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.util.ClassUtils;

/**
 * Whether {@code LISTEN/NOTIFY} wake-ups are possible here. pgjdbc is an optional
 * dependency: this class checks for it before anything loads a class that needs it.
 *
 * @author LiteMesh team
 */
final class Notifications {

	private static final Log logger = LogFactory.getLog(Notifications.class);

	private static final String PG_CONNECTION = "org.postgresql.PGConnection";

	/** How long the listening connection may be idle before it is checked. */
	private static final Duration VALIDATION_INTERVAL = Duration.ofSeconds(5);

	private Notifications() {
	}

	static boolean available() {
		return ClassUtils.isPresent(PG_CONNECTION, Notifications.class.getClassLoader());
	}

	/**
	 * Return whether a PostgreSQL connection is pgjdbc's, so that it can wait for
	 * notifications.
	 * @param connection a connection of the store's pool
	 * @return {@code false} when pgjdbc is missing or the pool gives another driver's
	 * connections
	 */
	static boolean isPgjdbc(Connection connection) {
		if (!available()) {
			return false;
		}
		try {
			return connection.isWrapperFor(PGConnection.class);
		}
		catch (SQLException ex) {
			// the listener retries by itself; the check is only about the driver
			logger.debug("Cannot check the PostgreSQL driver; listening anyway", ex);
			return true;
		}
	}

	/**
	 * Create a listener when the data source gives pgjdbc connections.
	 * @param dataSource the database
	 * @param pgjdbc whether its connections are pgjdbc's, as {@link #isPgjdbc} said
	 * @param channel the channel
	 * @param signals the mailboxes to wake
	 * @param maxBackoff the longest pause between reconnects
	 * @return the listener, not started, or {@code null} to poll
	 */
	static @Nullable PostgresNotificationListener listener(DataSource dataSource, boolean pgjdbc, String channel,
			MailSignals signals, Duration maxBackoff) {
		if (!pgjdbc) {
			logger.info("PostgreSQL connections are not pgjdbc's; LiteMesh polls its JDBC mailboxes");
			return null;
		}
		return new PostgresNotificationListener(dataSource, channel, signals::notified, signals::wakeAll,
				VALIDATION_INTERVAL, maxBackoff);
	}

}
