/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.litemesh.transport.mailbox.MailMessage;
import org.jspecify.annotations.Nullable;

/**
 * A claimed row: the message it holds, or why it holds none that may be returned.
 *
 * @param seq the row's sequence number
 * @param recipient the mailbox it was in
 * @param message the message, {@code null} when the row is rejected
 * @param rejection why the row is rejected, {@code null} when it is not
 * @author LiteMesh team
 */
record MailRow(long seq, String recipient, @Nullable MailMessage message, @Nullable String rejection) {

	/**
	 * Read a row of a claim, checking everything a broken or hostile writer could have
	 * got wrong.
	 * @param rs the result set, on the row
	 * @param cluster the cluster of this store, {@code null} to accept any
	 * @param maxData the largest data accepted
	 * @return the row
	 * @throws SQLException when the row cannot be read at all
	 */
	static MailRow read(ResultSet rs, @Nullable String cluster, int maxData) throws SQLException {
		long seq = rs.getLong("SEQ");
		String recipient = rs.getString("RECIPIENT");
		String rowCluster = rs.getString("CLUSTER_NAME");
		if (cluster != null && rowCluster != null && !cluster.equals(rowCluster)) {
			return rejected(seq, recipient, "it belongs to cluster '" + rowCluster + "'");
		}
		long metadataSize = rs.getLong("METADATA_SIZE");
		long dataSize = rs.getLong("DATA_SIZE");
		if (metadataSize > MailMessage.MAX_METADATA || dataSize > maxData) {
			return rejected(seq, recipient, "it is oversized (" + metadataSize + " bytes of metadata, " + dataSize
					+ " of data; at most " + MailMessage.MAX_METADATA + " and " + maxData + ")");
		}
		UUID id = uuid(rs.getString("ID"));
		UUID correlation = uuid(rs.getString("CORRELATION"));
		MailMessage.Type type = type(rs.getString("MSG_TYPE"));
		String sender = rs.getString("SENDER");
		byte[] metadata = rs.getBytes("METADATA");
		byte[] data = rs.getBytes("DATA");
		if (id == null || correlation == null || type == null || sender == null || metadata == null || data == null) {
			return rejected(seq, recipient, "it does not parse (id '" + rs.getString("ID") + "', type '"
					+ rs.getString("MSG_TYPE") + "', correlation '" + rs.getString("CORRELATION") + "')");
		}
		MailMessage message = new MailMessage(id, sender, recipient, type, correlation, rs.getLong("EXPIRES_AT"),
				metadata, data, rs.getString("SIGNATURE"));
		return new MailRow(seq, recipient, message, null);
	}

	private static MailRow rejected(long seq, String recipient, String reason) {
		return new MailRow(seq, recipient, null, reason);
	}

	private static @Nullable UUID uuid(@Nullable String value) {
		try {
			return (value != null) ? UUID.fromString(value.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static MailMessage.@Nullable Type type(@Nullable String value) {
		try {
			return (value != null) ? MailMessage.Type.valueOf(value.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
