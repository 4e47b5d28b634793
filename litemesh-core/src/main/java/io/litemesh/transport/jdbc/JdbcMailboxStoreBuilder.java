/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import io.litemesh.transport.mailbox.MailboxStore;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Builds a {@link JdbcMailboxStore}, checking each value as it is set.
 *
 * @author LiteMesh team
 */
public final class JdbcMailboxStoreBuilder {

	final DataSource dataSource;

	String tablePrefix = JdbcSchema.DEFAULT_TABLE_PREFIX;

	Duration claimTimeout = MailboxStore.CLAIM_TIMEOUT;

	int maxMessageSize = JdbcMailboxStore.DEFAULT_MAX_MESSAGE_SIZE;

	@Nullable String cluster;

	Duration pollInterval = JdbcMailboxStore.DEFAULT_POLL_INTERVAL;

	Duration maxBackoff = Duration.ofSeconds(5);

	boolean notifications = true;

	Clock clock = Clock.systemUTC();

	JdbcMailboxStoreBuilder(DataSource dataSource) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		this.dataSource = dataSource;
	}

	/**
	 * Set the prefix of the table names.
	 * @param tablePrefix a plain SQL identifier, {@code LITEMESH_} by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder tablePrefix(String tablePrefix) {
		this.tablePrefix = JdbcSchema.requireValidPrefix(tablePrefix);
		return this;
	}

	/**
	 * Set how long a claim holds before the message is offered again.
	 * @param claimTimeout a positive duration, {@link MailboxStore#CLAIM_TIMEOUT} by
	 * default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder claimTimeout(Duration claimTimeout) {
		this.claimTimeout = positive("claimTimeout", claimTimeout);
		return this;
	}

	/**
	 * Set the largest message data accepted; larger rows are rejected.
	 * @param maxMessageSize a size in bytes, 16 MB by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder maxMessageSize(int maxMessageSize) {
		Assert.isTrue(maxMessageSize > 0, () -> "'maxMessageSize' must be positive, not " + maxMessageSize);
		this.maxMessageSize = maxMessageSize;
		return this;
	}

	/**
	 * Set the cluster of the nodes using this store: messages are stamped with it, and
	 * messages stamped with another are rejected.
	 * @param cluster the cluster, {@code null} (the default) to accept any
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder cluster(@Nullable String cluster) {
		this.cluster = cluster;
		return this;
	}

	/**
	 * Set the longest interval at which an idle mailbox is polled; with
	 * {@code LISTEN/NOTIFY} only a lost notification waits that long.
	 * @param pollInterval a positive duration, 1 s by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder pollInterval(Duration pollInterval) {
		this.pollInterval = positive("pollInterval", pollInterval);
		return this;
	}

	/**
	 * Set the longest pause between attempts of the listening connection to reconnect
	 * while the database is away.
	 * @param maxBackoff a positive duration, 5 s by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder maxBackoff(Duration maxBackoff) {
		this.maxBackoff = positive("maxBackoff", maxBackoff);
		return this;
	}

	/**
	 * Set whether to listen for notifications on PostgreSQL.
	 * @param notifications {@code false} to poll only; {@code true} by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder notifications(boolean notifications) {
		this.notifications = notifications;
		return this;
	}

	/**
	 * Set the clock that claims and expiry read.
	 * @param clock the clock, the system UTC clock by default
	 * @return this builder
	 */
	public JdbcMailboxStoreBuilder clock(Clock clock) {
		Assert.notNull(clock, "'clock' must not be null");
		this.clock = clock;
		return this;
	}

	/**
	 * Build the store.
	 * @return the store
	 * @throws JdbcSchemaMissingException when the tables do not exist
	 */
	public JdbcMailboxStore build() {
		return new JdbcMailboxStore(this);
	}

	private static Duration positive(String name, @Nullable Duration duration) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(),
				() -> "'" + name + "' must be a positive duration, not " + duration);
		return duration;
	}

}
