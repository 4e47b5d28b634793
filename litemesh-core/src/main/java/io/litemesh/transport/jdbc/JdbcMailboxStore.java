/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.litemesh.PayloadTooLargeException;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MailboxStore} in two database tables: a registry of live nodes and a mailbox
 * table, on H2, PostgreSQL or MariaDB.
 * <p>
 * A claim marks up to {@code max} rows of a mailbox as claimed until the claim timeout,
 * oldest first, in one transaction that skips rows other claimers hold on PostgreSQL
 * ({@code FOR UPDATE SKIP LOCKED}) and waits for them on H2 and MariaDB (see
 * {@link DatabaseType}); acknowledging deletes them. A row that does not parse, is
 * oversized or belongs to another cluster is deleted as it is claimed, logged and
 * counted. On PostgreSQL a delivery notifies the recipient, which a listening connection
 * turns into an immediate wake-up; elsewhere, and while that connection is away,
 * {@link #awaitMail} polls adaptively: again at once after a full batch, then at
 * intervals that double from 10 ms up to the poll interval. Each store operation runs in
 * a transaction of its own, so a delivery is durable when it returns even if the caller
 * is inside an application transaction. While the database fails, every call throws and
 * {@link #status()} says so; the caller backs off, as the mailbox transport does.
 * <p>
 * The tables must exist: see {@link JdbcSchema}.
 *
 * @author LiteMesh team
 */
public final class JdbcMailboxStore implements MailboxStore {

	/** Default longest interval at which an idle mailbox is polled. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	/** Default largest message data accepted, as {@code litemesh.max-frame-size}. */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(JdbcMailboxStore.class);

	private static final int LOCK_ATTEMPTS = 5;

	private final DatabaseType type;

	private final MailboxTable table;

	private final JdbcRegistry registry;

	private final MailSignals signals;

	private final StoreHealth health;

	private final @Nullable PostgresNotificationListener listener;

	private final int maxMessageSize;

	private final Duration pollInterval;

	private final Clock clock;

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong expired = new AtomicLong();

	private volatile boolean closed;

	/**
	 * Create a store with the default poll interval, for messages of any cluster.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @param maxMessageSize the largest message data accepted, in bytes
	 * @throws JdbcSchemaMissingException when the tables do not exist
	 */
	public JdbcMailboxStore(DataSource dataSource, String tablePrefix, Duration claimTimeout, int maxMessageSize) {
		this(builder(dataSource).tablePrefix(tablePrefix).claimTimeout(claimTimeout).maxMessageSize(maxMessageSize));
	}

	JdbcMailboxStore(JdbcMailboxStoreBuilder builder) {
		DataSource dataSource = builder.dataSource;
		this.table = new MailboxTable(dataSource, builder.tablePrefix, builder.claimTimeout, builder.maxMessageSize,
				builder.cluster);
		this.type = this.table.database().type();
		this.registry = new JdbcRegistry(this.table.namedJdbc(), this.table.writes(), this.type, builder.tablePrefix);
		this.maxMessageSize = builder.maxMessageSize;
		this.pollInterval = builder.pollInterval;
		this.clock = builder.clock;
		this.signals = new MailSignals(this.pollInterval);
		this.health = new StoreHealth();
		this.listener = (builder.notifications && this.type.hasNotifications() && Notifications.available())
				? Notifications.listener(dataSource, this.table.database().pgjdbc(), this.table.channel(), this.signals,
						builder.maxBackoff)
				: null;
	}

	/**
	 * Start building a store.
	 * @param dataSource the database
	 * @return a builder with the defaults
	 */
	public static JdbcMailboxStoreBuilder builder(DataSource dataSource) {
		return new JdbcMailboxStoreBuilder(dataSource);
	}

	@Override
	public String transport() {
		return "jdbc";
	}

	@Override
	public void checkIn(RegistryEntry entry) {
		access(() -> {
			this.registry.checkIn(entry);
			return null;
		});
	}

	@Override
	public void checkOut(String nodeId) {
		access(() -> {
			this.registry.checkOut(nodeId);
			return null;
		});
	}

	@Override
	public List<RegistryEntry> liveNodes(String cluster) {
		return access(() -> this.registry.liveNodes(cluster, this.clock.millis()));
	}

	@Override
	public void deliver(List<MailMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		Set<String> recipients = new LinkedHashSet<>();
		for (MailMessage message : messages) {
			checkSize(message);
			recipients.add(message.to());
		}
		long now = this.clock.millis();
		access(() -> {
			this.table.insert(messages, now);
			return null;
		});
		// recipients served by this very store need no round trip through the database
		recipients.forEach(this.signals::wake);
	}

	private void checkSize(MailMessage message) {
		if (message.data().length > this.maxMessageSize || message.metadata().length > MailMessage.MAX_METADATA) {
			throw new PayloadTooLargeException("Message " + message.id() + " to '" + message.to() + "' has "
					+ message.data().length + " bytes of data and " + message.metadata().length
					+ " of metadata; the JDBC mailbox takes at most " + this.maxMessageSize + " and "
					+ MailMessage.MAX_METADATA);
		}
	}

	/**
	 * Claim messages, counting against {@code maxBytes} the metadata and data of every
	 * row read; the database sums the sizes before any value is fetched.
	 */
	@Override
	public List<MailMessage> claim(String nodeId, int max, long maxBytes) {
		return acknowledgeAndClaim(List.of(), nodeId, max, maxBytes);
	}

	/**
	 * Acknowledge and claim; on PostgreSQL in one statement that deletes the handled rows
	 * and claims the next, so that a poller pays one round trip and one commit per batch
	 * rather than two.
	 */
	@Override
	public List<MailMessage> acknowledgeAndClaim(List<UUID> acknowledged, String nodeId, int max, long maxBytes) {
		if (max <= 0) {
			acknowledge(acknowledged);
			return List.of();
		}
		this.signals.track(nodeId);
		long now = this.clock.millis();
		List<MailRow> rows = access(() -> this.table.acknowledgeAndClaim(acknowledged, nodeId, max, maxBytes, now));
		List<MailMessage> messages = new ArrayList<>(rows.size());
		for (MailRow row : rows) {
			if (row.message() != null) {
				messages.add(row.message());
			}
			else {
				this.rejected.incrementAndGet();
				logger.warn("Removed the row with SEQ " + row.seq() + " from the JDBC mailbox of '" + row.recipient()
						+ "': " + row.rejection());
			}
		}
		this.signals.claimed(nodeId, rows.size(), max);
		return messages;
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return;
		}
		access(() -> {
			this.table.delete(messageIds);
			return null;
		});
	}

	@Override
	public int expire() {
		long now = this.clock.millis();
		int count = access(() -> this.table.expire(now));
		this.expired.addAndGet(count);
		return count;
	}

	@Override
	public void awaitMail(String nodeId, Duration timeout) throws InterruptedException {
		if (this.closed) {
			return;
		}
		// no back-off here while the database is away: the transport that polls backs off
		long max = Math.max(0, timeout.toNanos());
		PostgresNotificationListener listener = this.listener;
		if (listener != null) {
			listener.start();
			if (listener.isListening()) {
				// a notification wakes us; the poll interval only bounds a lost one
				this.signals.await(nodeId, Math.min(max, this.pollInterval.toNanos()), false);
				return;
			}
		}
		this.signals.await(nodeId, max, true);
	}

	@Override
	public long rejected() {
		return this.rejected.get();
	}

	/**
	 * Return the state of this store, for health details.
	 * @return the status
	 */
	public Status status() {
		PostgresNotificationListener listener = this.listener;
		return new Status(this.health.isUp(), this.health.error(), this.health.failures(), this.type.platform(),
				listener != null && listener.isListening(), this.signals.notifications(),
				this.table.separateAcknowledgements(), this.rejected.get(), this.expired.get());
	}

	/**
	 * Return the backend process id of the connection that listens for notifications.
	 * @return the pid, 0 when none listens
	 */
	int listenerBackendPid() {
		PostgresNotificationListener listener = this.listener;
		return (listener != null) ? listener.backendPid() : 0;
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.listener != null) {
			this.listener.close();
		}
		this.signals.wakeAll();
	}

	private <T> T access(Supplier<T> call) {
		return this.health.call(call, LOCK_ATTEMPTS);
	}

	/**
	 * The state of a store.
	 *
	 * @param up whether the database answered the last call
	 * @param error the last error while it does not, else {@code null}
	 * @param failures how many calls failed in a row
	 * @param database {@code h2}, {@code postgresql} or {@code mariadb}
	 * @param listening whether a connection listens for notifications now
	 * @param notifications how many database notifications woke a mailbox of this store:
	 * on PostgreSQL, one for every delivery into it while listening; none while the store
	 * polls
	 * @param separateAcknowledgements how many acknowledgements took a statement and a
	 * commit of their own rather than riding on the next claim (on PostgreSQL, only those
	 * of a poller that stopped, or inside an application transaction)
	 * @param rejected how many malformed, oversized or foreign messages were removed
	 * @param expired how many expired messages were removed
	 */
	public record Status(boolean up, @Nullable String error, int failures, String database, boolean listening,
			long notifications, long separateAcknowledgements, long rejected, long expired) {
	}

}
