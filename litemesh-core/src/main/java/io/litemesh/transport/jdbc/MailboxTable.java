/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.litemesh.transport.mailbox.MailMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailbox table: the statements of delivering, claiming, acknowledging and expiring,
 * each in a transaction of its own, so that a call is durable when it returns even if its
 * caller is inside an application transaction. A change that takes a single statement
 * runs in auto-commit mode where the pool's connections are in it: that saves a round
 * trip for the commit, and is safe because every statement of this class may run again
 * (deliveries skip ids already stored).
 * <p>
 * One class on purpose: it is the mailbox table's SQL, statement for statement, on every
 * database; what differs between databases is {@link DatabaseType}'s.
 *
 * @author LiteMesh team
 */
final class MailboxTable {

	private static final int ROWS_PER_STATEMENT = 100;

	private static final int IDS_PER_STATEMENT = 500;

	private final DataSource dataSource;

	private final DatabaseType type;

	private final MailboxSql sql;

	private final JdbcSchema.Inspection database;

	private final JdbcTemplate jdbcTemplate;

	private final NamedParameterJdbcTemplate namedJdbc;

	private final JdbcClient jdbc;

	private final TransactionTemplate writes;

	private final TransactionTemplate claims;

	private final boolean autoCommit;

	private final boolean deliverInOneStatement;

	private final String channel;

	private final long claimTimeoutMillis;

	private final int maxData;

	private final @Nullable String cluster;

	private final Map<Integer, String> deliverSql = new ConcurrentHashMap<>();

	private final AtomicLong separateAcknowledgements = new AtomicLong();

	/**
	 * Open the mailbox table of a store, learning on one connection what the store needs
	 * to know about the database.
	 * @param dataSource the database
	 * @param tablePrefix the table prefix
	 * @param claimTimeout how long a claim holds
	 * @param maxData the largest message data read
	 * @param cluster the cluster of the rows, {@code null} for any
	 * @throws JdbcSchemaMissingException when the tables do not exist
	 */
	MailboxTable(DataSource dataSource, String tablePrefix, Duration claimTimeout, int maxData,
			@Nullable String cluster) {
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.database = JdbcSchema.inspect(this.jdbcTemplate, tablePrefix);
		this.type = this.database.type();
		this.sql = new MailboxSql(this.type, tablePrefix);
		this.namedJdbc = new NamedParameterJdbcTemplate(this.jdbcTemplate);
		this.jdbc = JdbcClient.create(this.namedJdbc);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		this.writes = new TransactionTemplate(transactions);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.claims = new TransactionTemplate(transactions, this.writes);
		this.claims.setIsolationLevel(this.type.claimIsolation());
		this.channel = DatabaseType.channel(tablePrefix);
		this.claimTimeoutMillis = claimTimeout.toMillis();
		this.maxData = maxData;
		this.cluster = cluster;
		this.autoCommit = this.database.autoCommit();
		this.deliverInOneStatement = this.type.deliverInOneStatement(1) != null;
	}

	/**
	 * Return what the store learned about its database as it started.
	 * @return the inspection
	 */
	JdbcSchema.Inspection database() {
		return this.database;
	}

	/**
	 * Return the template that the registry table shares.
	 * @return the template
	 */
	NamedParameterJdbcTemplate namedJdbc() {
		return this.namedJdbc;
	}

	/**
	 * Return the transactions in which changes commit on their own, even inside an
	 * application transaction; the registry table shares them.
	 * @return the template of those transactions
	 */
	TransactionTemplate writes() {
		return this.writes;
	}

	String channel() {
		return this.channel;
	}

	void insert(List<MailMessage> messages, long now) {
		if (this.deliverInOneStatement && singleStatementsCommit()) {
			for (int from = 0; from < messages.size(); from += ROWS_PER_STATEMENT) {
				List<MailMessage> rows = messages.subList(from, Math.min(from + ROWS_PER_STATEMENT, messages.size()));
				String statement = this.deliverSql.computeIfAbsent(rows.size(),
						(size) -> this.sql.prefixed(this.type.deliverInOneStatement(size)));
				this.jdbcTemplate.query(statement, (ps) -> {
					int index = 0;
					for (MailMessage message : rows) {
						index = bind(ps, index, message, now);
					}
					ps.setString(index + 1, this.channel);
				}, (rs) -> {
				});
			}
			return;
		}
		this.writes.executeWithoutResult((status) -> {
			this.jdbcTemplate.batchUpdate(this.sql.insert, messages, messages.size(),
					(ps, message) -> bind(ps, 0, message, now));
			if (this.type.hasNotifications()) {
				// sent on commit, so a woken recipient finds the rows
				Set<String> recipients = new LinkedHashSet<>();
				messages.forEach((message) -> recipients.add(message.to()));
				for (String recipient : recipients) {
					this.jdbc.sql(this.sql.notify)
						.param("channel", this.channel)
						.param("nodeId", recipient)
						.query((rs) -> {
						});
				}
			}
		});
	}

	private int bind(PreparedStatement ps, int offset, MailMessage message, long now) throws SQLException {
		ps.setObject(offset + 1, this.type.toDatabase(message.id()));
		ps.setString(offset + 2, this.cluster);
		ps.setString(offset + 3, message.from());
		ps.setString(offset + 4, message.to());
		ps.setString(offset + 5, message.type().name());
		ps.setObject(offset + 6, this.type.toDatabase(message.correlation()));
		ps.setLong(offset + 7, now);
		ps.setLong(offset + 8, message.expiresAtMillis());
		ps.setString(offset + 9, message.signature());
		ps.setBytes(offset + 10, message.metadata());
		ps.setBytes(offset + 11, message.data());
		return offset + 11;
	}

	/**
	 * Claim the next rows of a mailbox within a byte budget; those that are rejected are
	 * deleted at once.
	 * @param nodeId the mailbox owner
	 * @param max the most rows to claim
	 * @param maxBytes the most bytes of metadata and data to read, but always one row
	 * @param now the time
	 * @return the claimed rows, oldest first
	 */
	List<MailRow> claim(String nodeId, int max, long maxBytes, long now) {
		if (this.sql.claimsInOneStatement && singleStatementsCommit()) {
			List<MailRow> rows = new ArrayList<>(claimQuery(nodeId, max, maxBytes, now));
			// RETURNING gives no order
			rows.sort(Comparator.comparingLong(MailRow::seq));
			// claimed now, so no other claimer can have them until the claim timeout
			deleteRejected(rows);
			return rows;
		}
		List<MailRow> claimed = this.claims.execute((status) -> {
			List<MailRow> rows = this.sql.claimsInOneStatement ? claimQuery(nodeId, max, maxBytes, now)
					: readWithinBudget(nodeId, max, maxBytes, now);
			List<Long> accepted = rows.stream().filter((row) -> row.message() != null).map(MailRow::seq).toList();
			if (!this.sql.claimsInOneStatement && !accepted.isEmpty()) {
				this.jdbc.sql(this.sql.markClaimed)
					.param("until", now + this.claimTimeoutMillis)
					.param("seqs", accepted)
					.update();
			}
			// deleted in the claim's transaction, so counted once, by the claimer that
			// commits
			deleteRejected(rows);
			return rows;
		});
		List<MailRow> rows = new ArrayList<>((claimed != null) ? claimed : List.of());
		rows.sort(Comparator.comparingLong(MailRow::seq));
		return rows;
	}

	/**
	 * Delete acknowledged rows, then claim as {@link #claim} does: in one statement, so
	 * one round trip and one commit, where the database can and the pool's connections
	 * commit single statements by themselves.
	 * @param acknowledged the ids of the rows to delete
	 * @param nodeId the mailbox owner
	 * @param max the most rows to claim
	 * @param maxBytes the most bytes of metadata and data to read, but always one row
	 * @param now the time
	 * @return the claimed rows, oldest first
	 */
	List<MailRow> acknowledgeAndClaim(List<UUID> acknowledged, String nodeId, int max, long maxBytes, long now) {
		String statement = this.sql.acknowledgeAndClaimMail;
		if (acknowledged.isEmpty() || statement == null || acknowledged.size() > IDS_PER_STATEMENT
				|| !singleStatementsCommit()) {
			if (!acknowledged.isEmpty()) {
				delete(acknowledged);
			}
			return claim(nodeId, max, maxBytes, now);
		}
		List<MailRow> rows = new ArrayList<>(claimQuery(statement, nodeId, max, maxBytes, now)
			.param("ids", acknowledged.stream().map(this.type::toDatabase).toList())
			.query((rs, rowNum) -> MailRow.read(rs, this.cluster, this.maxData))
			.list());
		rows.sort(Comparator.comparingLong(MailRow::seq));
		deleteRejected(rows);
		return rows;
	}

	private List<MailRow> claimQuery(String nodeId, int max, long maxBytes, long now) {
		return claimQuery(this.sql.claimMail, nodeId, max, maxBytes, now)
			.query((rs, rowNum) -> MailRow.read(rs, this.cluster, this.maxData))
			.list();
	}

	private JdbcClient.StatementSpec claimQuery(String statement, String nodeId, int max, long maxBytes, long now) {
		return this.jdbc.sql(statement)
			.param("recipient", nodeId)
			.param("now", now)
			.param("until", now + this.claimTimeoutMillis)
			.param("max", max)
			.param("maxBytes", maxBytes)
			.param("maxMetadata", MailMessage.MAX_METADATA)
			.param("maxData", this.maxData);
	}

	/**
	 * Lock the candidates with their sizes only, then read the oldest of them that fit
	 * the budget: the rest stay unread, and unlocked when the transaction ends.
	 */
	private List<MailRow> readWithinBudget(String nodeId, int max, long maxBytes, long now) {
		List<Long> seqs = new ArrayList<>();
		long[] bytes = new long[1];
		boolean[] full = new boolean[1];
		this.jdbc.sql(this.sql.claimMail)
			.param("recipient", nodeId)
			.param("now", now)
			.param("max", max)
			.param("maxMetadata", MailMessage.MAX_METADATA)
			.param("maxData", this.maxData)
			.query((rs) -> {
				long size = rs.getLong("CLAIM_SIZE");
				// a smaller message after one that did not fit waits too: taking it
				// first would reorder a stream's elements
				full[0] |= !seqs.isEmpty() && bytes[0] + size > maxBytes;
				if (!full[0]) {
					seqs.add(rs.getLong("SEQ"));
					bytes[0] += size;
				}
			});
		if (seqs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(this.sql.readClaimed)
			.param("seqs", seqs)
			.param("maxMetadata", MailMessage.MAX_METADATA)
			.param("maxData", this.maxData)
			.query((rs, rowNum) -> MailRow.read(rs, this.cluster, this.maxData))
			.list();
	}

	private void deleteRejected(List<MailRow> rows) {
		List<Long> rejected = rows.stream().filter((row) -> row.message() == null).map(MailRow::seq).toList();
		if (!rejected.isEmpty()) {
			this.jdbc.sql(this.sql.deleteBySeq).param("seqs", rejected).update();
		}
	}

	/**
	 * Return how many acknowledgements took statements of their own rather than riding on
	 * a claim.
	 * @return the count
	 */
	long separateAcknowledgements() {
		return this.separateAcknowledgements.get();
	}

	void delete(List<UUID> messageIds) {
		this.separateAcknowledgements.incrementAndGet();
		List<Object> ids = messageIds.stream().map(this.type::toDatabase).toList();
		if (this.type.deletesInClaimOrder()) {
			this.writes.executeWithoutResult((status) -> deleteInClaimOrder(ids));
		}
		else if (ids.size() <= IDS_PER_STATEMENT && singleStatementsCommit()) {
			this.jdbc.sql(this.sql.deleteById).param("ids", ids).update();
		}
		else {
			this.writes.executeWithoutResult((status) -> {
				for (List<Object> chunk : chunks(ids)) {
					this.jdbc.sql(this.sql.deleteById).param("ids", chunk).update();
				}
			});
		}
	}

	private void deleteInClaimOrder(List<Object> ids) {
		List<Long> seqs = new ArrayList<>(ids.size());
		for (List<Object> chunk : chunks(ids)) {
			// a plain read takes no lock, so the order of the deletes is the only one
			seqs.addAll(this.jdbc.sql(this.sql.seqsOfIds).param("ids", chunk).query(Long.class).list());
		}
		seqs.sort(null);
		this.jdbcTemplate.batchUpdate(this.sql.deleteOne, seqs, seqs.size(), (ps, seq) -> ps.setLong(1, seq));
	}

	private static List<List<Object>> chunks(List<Object> ids) {
		List<List<Object>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
			chunks.add(ids.subList(from, Math.min(from + IDS_PER_STATEMENT, ids.size())));
		}
		return chunks;
	}

	int expire(long now) {
		Integer removed = this.writes.execute((status) -> {
			int messages = this.jdbc.sql(this.sql.expireMail).param("now", now).update();
			this.jdbc.sql(this.sql.expireRegistry).param("now", now).update();
			return messages;
		});
		return (removed != null) ? removed : 0;
	}

	/**
	 * Return whether a statement run now commits by itself: the pool's connections are in
	 * auto-commit mode, and no application transaction on this thread would take the
	 * statement in.
	 */
	private boolean singleStatementsCommit() {
		return this.autoCommit && !TransactionSynchronizationManager.hasResource(this.dataSource);
	}

}
