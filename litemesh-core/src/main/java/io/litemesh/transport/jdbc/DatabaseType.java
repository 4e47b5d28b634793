/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.util.Collections;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.jdbc.core.dialect.JdbcMariaDbDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.Quoting;
import org.springframework.transaction.TransactionDefinition;

/**
 * The databases the JDBC-table transport runs on, and the SQL in which they differ: how a
 * message is inserted once whatever the retries, and how a batch of mail is claimed
 * without two claimers getting one message.
 * <p>
 * One class on purpose: every difference between the supported databases in one place, so
 * adding a database means reading one file.
 *
 * @author LiteMesh team
 */
enum DatabaseType {

	/**
	 * H2 skips locked rows only after applying the limit, so a second claimer would see
	 * nothing while the first holds the head of a mailbox. A plain {@code FOR UPDATE}
	 * instead waits for the first claim to commit and then re-reads the rows, which
	 * serializes claimers of one mailbox for the few microseconds a claim lasts: right
	 * for an embedded database.
	 */
	H2("h2", "H2") {

		@Override
		boolean deletesInClaimOrder() {
			return true;
		}

		@Override
		String insert() {
			return """
					MERGE INTO ${prefix}MAILBOX m USING (VALUES (CAST(? AS UUID))) s(ID) ON m.ID = s.ID
					WHEN NOT MATCHED THEN INSERT (ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, CORRELATION,
						CREATED_AT, EXPIRES_AT, VISIBLE_AT, SIGNATURE, METADATA, DATA)
					VALUES (s.ID, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
					""";
		}

		@Override
		String claimMail() {
			return "SELECT SEQ, " + CLAIM_SIZE + """
					FROM ${prefix}MAILBOX
					WHERE RECIPIENT = :recipient AND VISIBLE_AT <= :now AND EXPIRES_AT > :now
					ORDER BY SEQ
					FETCH FIRST :max ROWS ONLY
					FOR UPDATE
					""";
		}

	},

	/**
	 * PostgreSQL claims in one statement: the update marks the rows that a
	 * {@code FOR UPDATE SKIP LOCKED} subquery picked, and returns them. Skipping passes
	 * no older message here: PostgreSQL locks only the rows a statement takes (a
	 * mailbox's own claims, and the deletion of expired rows), never those it only
	 * examines.
	 */
	POSTGRESQL("postgresql", "PostgreSQL") {

		@Override
		String insert() {
			return INSERT + " ON CONFLICT (ID) DO NOTHING";
		}

		@Override
		String deliverInOneStatement(int rows) {
			// one round trip stores the rows and notifies each recipient once, on commit
			return "WITH stored AS (" + INSERT_COLUMNS + String.join(", ", Collections.nCopies(rows, VALUES))
					+ " ON CONFLICT (ID) DO NOTHING RETURNING RECIPIENT)\n"
					+ "SELECT pg_notify(?, RECIPIENT) FROM (SELECT DISTINCT RECIPIENT FROM stored) recipients";
		}

		@Override
		boolean claimsInOneStatement() {
			return true;
		}

		@Override
		String claimMail() {
			return claim("", "");
		}

		@Override
		String acknowledgeAndClaimMail() {
			// the deleted rows are kept out of the candidates, or a row whose claim timed
			// out could be deleted and claimed again by one statement
			return claim("acknowledged AS (DELETE FROM ${prefix}MAILBOX WHERE ID IN (:ids)),\n",
					" AND ID NOT IN (:ids)");
		}

		private static String claim(String acknowledge, String exclude) {
			// the running sum is taken over the locked candidates, a query level above
			// the lock: PostgreSQL allows no window function next to FOR UPDATE.
			// A claim and an acknowledgement commit asynchronously (SET LOCAL
			// synchronous_commit, referenced as a one-time filter so it always runs): if
			// the database crashed before writing them, the message would be claimed and
			// handled again, as after a node that crashed before acknowledging, which
			// delivery at least once with dedupe already allows. Deliveries stay
			// durable. It takes two fsyncs off every request-response's critical path.
			return """
					WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true) AS SETTING),
					${acknowledge}candidates AS (
						SELECT SEQ, ${claimSize}
						FROM ${prefix}MAILBOX
						WHERE RECIPIENT = :recipient AND VISIBLE_AT <= :now AND EXPIRES_AT > :now${exclude}
						ORDER BY SEQ
						LIMIT :max
						FOR UPDATE SKIP LOCKED),
					budgeted AS (
						SELECT SEQ FROM (
							SELECT SEQ, SUM(CLAIM_SIZE) OVER (ORDER BY SEQ) AS RUNNING,
								ROW_NUMBER() OVER (ORDER BY SEQ) AS N
							FROM candidates) sized
						WHERE N = 1 OR RUNNING <= :maxBytes)
					UPDATE ${prefix}MAILBOX SET VISIBLE_AT = :until, ATTEMPTS = ATTEMPTS + 1
					WHERE (SELECT SETTING FROM relaxed) IS NOT NULL AND SEQ IN (SELECT SEQ FROM budgeted)
					RETURNING
					""".replace("${acknowledge}", acknowledge)
				.replace("${exclude}", exclude)
				.replace("${claimSize}", CLAIM_SIZE) + COLUMNS;
		}

	},

	/**
	 * MariaDB claims with a plain {@code FOR UPDATE}, which waits for a locked row rather
	 * than skipping it. InnoDB locks rows for other sessions' statements that only
	 * examine them, so a committed message can be locked for an instant by a statement
	 * that will not take it; {@code SKIP LOCKED} then passed over it and claimed the
	 * messages after it first, which delivered a stream's elements out of order (seen in
	 * 2 to 4 of 400 streams of a repeated test). A mailbox has one poller, so waiting
	 * costs nothing but that instant. Claims run at READ COMMITTED, where a row that a
	 * wait ended is read again: at the default REPEATABLE READ, InnoDB would also lock
	 * the gap after the scanned rows and hold up every delivery into that mailbox until
	 * the claim commits.
	 */
	MARIADB("mariadb", "MariaDB") {

		@Override
		String insert() {
			// not INSERT IGNORE, which would also turn a truncated value into a warning
			return INSERT + " ON DUPLICATE KEY UPDATE ID = ID";
		}

		@Override
		String claimMail() {
			return "SELECT SEQ, " + CLAIM_SIZE + """
					FROM ${prefix}MAILBOX
					WHERE RECIPIENT = :recipient AND VISIBLE_AT <= :now AND EXPIRES_AT > :now
					ORDER BY SEQ
					LIMIT :max
					FOR UPDATE
					""";
		}

		@Override
		boolean deletesInClaimOrder() {
			return true;
		}

		@Override
		int claimIsolation() {
			return TransactionDefinition.ISOLATION_READ_COMMITTED;
		}

		@Override
		Object toDatabase(UUID id) {
			return id.toString();
		}

	};

	/** The token that the table prefix replaces in SQL and in the schema scripts. */
	static final String PREFIX_TOKEN = "${prefix}";

	private static final String INSERT_COLUMNS = """
			INSERT INTO ${prefix}MAILBOX (ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, CORRELATION,
				CREATED_AT, EXPIRES_AT, VISIBLE_AT, SIGNATURE, METADATA, DATA)
			VALUES\s""";

	private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";

	private static final String INSERT = INSERT_COLUMNS + VALUES;

	/**
	 * The columns a claim reads. Sizes are read apart, and an oversized value is not
	 * fetched at all, so that a hostile row cannot exhaust the claimer's memory.
	 */
	private static final String COLUMNS = """
			SEQ, ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, CORRELATION, EXPIRES_AT, SIGNATURE,
				OCTET_LENGTH(METADATA) AS METADATA_SIZE, OCTET_LENGTH(DATA) AS DATA_SIZE,
				CASE WHEN OCTET_LENGTH(METADATA) <= :maxMetadata THEN METADATA END AS METADATA,
				CASE WHEN OCTET_LENGTH(DATA) <= :maxData THEN DATA END AS DATA
			""";

	/**
	 * What a claimed row costs of a claim's byte budget: the metadata and data that will
	 * be read, which leaves out an oversized value as it is never fetched.
	 */
	private static final String CLAIM_SIZE = """
			CASE WHEN OCTET_LENGTH(METADATA) <= :maxMetadata THEN OCTET_LENGTH(METADATA) ELSE 0 END
				+ CASE WHEN OCTET_LENGTH(DATA) <= :maxData THEN OCTET_LENGTH(DATA) ELSE 0 END AS CLAIM_SIZE
			""";

	/** Reads the rows a claim picked and locked, in the claim's transaction. */
	static final String READ_CLAIMED = "SELECT " + COLUMNS + "FROM ${prefix}MAILBOX WHERE SEQ IN (:seqs)";

	private final String platform;

	private final String productName;

	DatabaseType(String platform, String productName) {
		this.platform = platform;
		this.productName = productName;
	}

	/**
	 * Return the type of a database from the product name its driver reports.
	 * @param productName the product name
	 * @return the type
	 * @throws IllegalStateException for a database the transport does not support
	 */
	static DatabaseType fromProductName(String productName) {
		for (DatabaseType type : values()) {
			if (type.productName.equalsIgnoreCase(productName.trim())) {
				return type;
			}
		}
		throw new IllegalStateException("LiteMesh's JDBC-table transport supports H2, PostgreSQL and MariaDB, not '"
				+ productName + "'; set litemesh.jdbc.enabled=false to run without it");
	}

	/**
	 * Return the platform name, as in {@code schema-<platform>.sql}.
	 * @return the platform name
	 */
	String platform() {
		return this.platform;
	}

	/**
	 * Return the statement that inserts one message unless its id is already stored, with
	 * positional parameters in the order: id, cluster, sender, recipient, type,
	 * correlation, created at, expires at, signature, metadata, data.
	 * @return the SQL, with the prefix token
	 */
	abstract String insert();

	/**
	 * Return the statement that claims the next mail of a recipient within a byte budget
	 * ({@code :maxBytes}, always the first row): where the database
	 * {@link #claimsInOneStatement() claims in one statement}, an update that marks the
	 * rows within the budget and returns them; elsewhere a query that selects and locks
	 * the candidates with their sizes only ({@code SEQ}, {@code CLAIM_SIZE}), so that the
	 * claimer picks those within the budget and reads only them, in the same transaction
	 * ({@link #READ_CLAIMED}).
	 * @return the SQL, with the prefix token
	 */
	abstract String claimMail();

	/**
	 * Return the statement that deletes acknowledged rows ({@code :ids}) and claims as
	 * {@link #claimMail()} does, in one round trip and one commit, where the database
	 * can.
	 * @return the SQL, with the prefix token, or {@code null} to acknowledge apart
	 */
	@Nullable String acknowledgeAndClaimMail() {
		return null;
	}

	/**
	 * Return whether {@link #claimMail()} marks the rows it returns as claimed itself.
	 * @return {@code true} for PostgreSQL
	 */
	boolean claimsInOneStatement() {
		return false;
	}

	/**
	 * Return the statement that stores several messages and notifies their recipients at
	 * once, where the database can: the parameters of {@link #insert()} for each row,
	 * then the notification channel.
	 * @param rows how many rows the statement inserts
	 * @return the SQL, with the prefix token, or {@code null} to insert in a batch
	 */
	@Nullable String deliverInOneStatement(int rows) {
		return null;
	}

	/**
	 * Return whether acknowledged rows must be deleted in claim order, one by one. Where
	 * claims wait for locks rather than skip them, they lock in claim order, and a delete
	 * that locked by id instead could deadlock with them.
	 * @return {@code true} for H2 and MariaDB
	 */
	boolean deletesInClaimOrder() {
		return false;
	}

	/**
	 * Return the isolation level of claim transactions.
	 * @return a {@link TransactionDefinition} isolation constant
	 */
	int claimIsolation() {
		return TransactionDefinition.ISOLATION_DEFAULT;
	}

	/**
	 * Convert a UUID to the value the database stores.
	 * @param id the UUID
	 * @return the value to bind
	 */
	Object toDatabase(UUID id) {
		return id;
	}

	/**
	 * Return whether the database can wake recipients with {@code LISTEN/NOTIFY}.
	 * @return {@code true} for PostgreSQL
	 */
	boolean hasNotifications() {
		return this == POSTGRESQL;
	}

	/**
	 * Return the Spring Data JDBC dialect of the database.
	 * @return the dialect
	 */
	JdbcDialect dialect() {
		return switch (this) {
			case H2 -> JdbcH2Dialect.INSTANCE;
			case POSTGRESQL -> JdbcPostgresDialect.INSTANCE;
			// the registry's names are never quoted, so the quoting given here is unused
			case MARIADB -> new JdbcMariaDbDialect(
					IdentifierProcessing.create(new Quoting("`"), IdentifierProcessing.LetterCasing.AS_IS));
		};
	}

	/**
	 * Return the name of the notification channel of a table prefix: an unquoted
	 * identifier, which PostgreSQL folds to lower case.
	 * @param prefix the table prefix
	 * @return the channel name
	 */
	static String channel(String prefix) {
		return (prefix + "mailbox").toLowerCase(Locale.ROOT);
	}

}
