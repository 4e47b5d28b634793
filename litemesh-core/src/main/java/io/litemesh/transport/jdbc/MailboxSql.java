/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * The statements of one store: the database's own SQL and the common SQL, with the table
 * prefix in place.
 *
 * @author LiteMesh team
 */
final class MailboxSql {

	private static final String MARK_CLAIMED = """
			UPDATE ${prefix}MAILBOX SET VISIBLE_AT = :until, ATTEMPTS = ATTEMPTS + 1 WHERE SEQ IN (:seqs)
			""";

	private static final String DELETE_BY_SEQ = "DELETE FROM ${prefix}MAILBOX WHERE SEQ IN (:seqs)";

	private static final String DELETE_BY_ID = "DELETE FROM ${prefix}MAILBOX WHERE ID IN (:ids)";

	private static final String SEQS_OF_IDS = "SELECT SEQ FROM ${prefix}MAILBOX WHERE ID IN (:ids) ORDER BY SEQ";

	private static final String DELETE_ONE = "DELETE FROM ${prefix}MAILBOX WHERE SEQ = ?";

	private static final String EXPIRE_MAIL = "DELETE FROM ${prefix}MAILBOX WHERE EXPIRES_AT <= :now";

	private static final String EXPIRE_REGISTRY = "DELETE FROM ${prefix}REGISTRY WHERE EXPIRES_AT <= :now";

	// the probes fail when a table is missing or lacks a column, and read no row
	private static final String PROBE_MAILBOX = """
			SELECT SEQ, ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, CORRELATION, CREATED_AT, EXPIRES_AT,
				VISIBLE_AT, ATTEMPTS, SIGNATURE, METADATA, DATA
			FROM ${prefix}MAILBOX WHERE 1 = 0
			""";

	private static final String PROBE_REGISTRY = """
			SELECT NODE_ID, CLUSTER_NAME, INCARNATION, EXPIRES_AT, SIGNATURE FROM ${prefix}REGISTRY WHERE 1 = 0
			""";

	final String insert;

	/** Claims mail: by itself, or selecting rows for {@link #markClaimed} to mark. */
	final String claimMail;

	/**
	 * Deletes acknowledged rows and claims in one statement, {@code null} where the
	 * database cannot.
	 */
	final @Nullable String acknowledgeAndClaimMail;

	/** Whether {@link #claimMail} marks the rows it returns as claimed itself. */
	final boolean claimsInOneStatement;

	final String markClaimed;

	/**
	 * Reads the rows a claim picked, where {@link #claimMail} returned their sizes only.
	 */
	final String readClaimed;

	final String deleteBySeq;

	final String deleteById;

	final String seqsOfIds;

	final String deleteOne;

	final String expireMail;

	final String expireRegistry;

	final String probeMailbox;

	final String probeRegistry;

	final String notify = "SELECT pg_notify(:channel, :nodeId)";

	private final String prefix;

	MailboxSql(DatabaseType type, String prefix) {
		this.prefix = prefix;
		this.insert = prefixed(type.insert(), prefix);
		this.claimMail = prefixed(type.claimMail(), prefix);
		String acknowledgeAndClaim = type.acknowledgeAndClaimMail();
		this.acknowledgeAndClaimMail = (acknowledgeAndClaim != null) ? prefixed(acknowledgeAndClaim, prefix) : null;
		this.claimsInOneStatement = type.claimsInOneStatement();
		this.markClaimed = prefixed(MARK_CLAIMED, prefix);
		this.readClaimed = prefixed(DatabaseType.READ_CLAIMED, prefix);
		this.deleteBySeq = prefixed(DELETE_BY_SEQ, prefix);
		this.deleteById = prefixed(DELETE_BY_ID, prefix);
		this.seqsOfIds = prefixed(SEQS_OF_IDS, prefix);
		this.deleteOne = prefixed(DELETE_ONE, prefix);
		this.expireMail = prefixed(EXPIRE_MAIL, prefix);
		this.expireRegistry = prefixed(EXPIRE_REGISTRY, prefix);
		this.probeMailbox = prefixed(PROBE_MAILBOX, prefix);
		this.probeRegistry = prefixed(PROBE_REGISTRY, prefix);
	}

	/**
	 * Put this store's prefix into SQL.
	 * @param sql the SQL, with the prefix token
	 * @return the SQL to run
	 */
	String prefixed(String sql) {
		return prefixed(sql, this.prefix);
	}

	private static String prefixed(String sql, String prefix) {
		return sql.replace(DatabaseType.PREFIX_TOKEN, prefix);
	}

}
