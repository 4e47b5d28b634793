/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.lang.reflect.Field;
import java.sql.Connection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutorBase;

/**
 * Takes a millisecond off every wake-up of a listening pgjdbc connection.
 * <p>
 * {@code getNotifications(timeout)} blocks in a socket read, which returns as soon as a
 * notification arrives; but before returning, pgjdbc asks {@code hasMessagePending()}
 * whether more is coming, and that peeks with a 1 ms socket timeout. Measured here, a
 * listener returns about 1.1 ms after the notifying commit, against about 50 us without
 * the peek. pgjdbc skips the peek while its stream's next-check time lies ahead, so on
 * the listening connection, which runs nothing but {@code LISTEN}, validity checks and
 * waits, that time is moved to the end of time. Bytes already buffered are still seen,
 * and anything that arrives later is read by the next wait, so nothing is missed. This
 * reaches into pgjdbc's internals: where they differ (another version, a module path that
 * forbids the access) the connection is left as it is and wakes a millisecond later.
 *
 * @author LiteMesh team
 */
final class PgjdbcWakeUp {

	private static final Log logger = LogFactory.getLog(PgjdbcWakeUp.class);

	private PgjdbcWakeUp() {
	}

	/**
	 * Make a listening connection return from waits without the pending-message peek.
	 * @param connection the connection, a pgjdbc one or a pool's wrapper of one
	 * @return whether the peek is now skipped
	 */
	static boolean skipPendingPeek(Connection connection) {
		try {
			Object executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
			Field stream = QueryExecutorBase.class.getDeclaredField("pgStream");
			stream.setAccessible(true);
			Field nextCheck = PGStream.class.getDeclaredField("nextStreamAvailableCheckTime");
			nextCheck.setAccessible(true);
			nextCheck.setLong(stream.get(executor), Long.MAX_VALUE);
			return true;
		}
		catch (Exception | LinkageError ex) {
			logger.debug("Cannot skip pgjdbc's pending-message peek; LISTEN wake-ups take 1 ms longer", ex);
			return false;
		}
	}

}
