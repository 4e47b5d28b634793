/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.litemesh.MutationFuzzer;
import io.litemesh.transport.mailbox.MailMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes how a claimed mailbox row becomes a message ({@link MailRow#read}), as a broken
 * or hostile writer could have left it. The input is the row's columns separated by
 * {@code 0x1F}, a lone {@code 0x00} standing for SQL {@code NULL}; sizes are computed
 * from the byte columns, as the claim query's {@code OCTET_LENGTH} does. See
 * {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class MailRowFuzzTests {

	private static final List<String> COLUMNS = List.of("SEQ", "RECIPIENT", "CLUSTER_NAME", "ID", "CORRELATION",
			"MSG_TYPE", "SENDER", "METADATA", "DATA", "EXPIRES_AT", "SIGNATURE");

	private static final int MAX_DATA = 4096;

	@Test
	void rowBecomesAMessageOrIsRejected() {
		UUID id = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-1d2e3f405060");
		List<byte[]> seeds = List.of(
				row("42", "b", "demo", id.toString(), id.toString(), "REQUEST", "a", "\u0001\u0000\u0000", "{}",
						"1795327655201", "c2lnbmF0dXJl"),
				row("1", "b", null, UUID.randomUUID().toString(), id.toString(), "REPLY", "c", "", "\"x\"", "0", null),
				row("-1", "b", "other", "nope", "", "CANCEL", null, null, null, "-9223372036854775808", ""));
		long cases = MutationFuzzer.fuzz("MailRow.read", seeds, (input) -> {
			MailRow row;
			try {
				row = MailRow.read(resultSet(input), "demo", MAX_DATA);
			}
			catch (SQLException ex) {
				// a column the driver cannot read as its type: the claim fails, as
				// documented
				return false;
			}
			if (row.message() == null) {
				assertThat(row.rejection()).isNotBlank();
				return false;
			}
			MailMessage message = row.message();
			assertThat(row.rejection()).isNull();
			assertThat(message.metadata().length).isLessThanOrEqualTo(MailMessage.MAX_METADATA);
			assertThat(message.data().length).isLessThanOrEqualTo(MAX_DATA);
			assertThat(message.from()).isNotNull();
			assertThat(message.id()).isNotNull();
			return true;
		});
		assertThat(cases).isPositive();
	}

	private static byte[] row(String... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write(0x1F);
			}
			byte[] value = (values[i] != null) ? values[i].getBytes(StandardCharsets.UTF_8) : new byte[] { 0 };
			out.write(value, 0, value.length);
		}
		return out.toByteArray();
	}

	/**
	 * A result set on one row, typed as a JDBC driver types it: a number that does not
	 * parse is an {@link SQLException}, {@code NULL} reads as {@code 0}.
	 */
	private static ResultSet resultSet(byte[] input) {
		Map<String, byte[]> columns = new HashMap<>();
		List<byte[]> values = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= input.length; i++) {
			if (i == input.length || input[i] == 0x1F) {
				values.add(Arrays.copyOfRange(input, start, i));
				start = i + 1;
			}
		}
		for (int i = 0; i < COLUMNS.size(); i++) {
			byte[] value = (i < values.size()) ? values.get(i) : null;
			columns.put(COLUMNS.get(i), (value == null || Arrays.equals(value, new byte[] { 0 })) ? null : value);
		}
		byte[] metadata = columns.get("METADATA");
		byte[] data = columns.get("DATA");
		columns.put("METADATA_SIZE", (metadata != null) ? bytes(String.valueOf(metadata.length)) : null);
		columns.put("DATA_SIZE", (data != null) ? bytes(String.valueOf(data.length)) : null);
		return (ResultSet) Proxy.newProxyInstance(MailRowFuzzTests.class.getClassLoader(),
				new Class<?>[] { ResultSet.class }, (proxy, method, arguments) -> {
					byte[] value = columns.get((String) arguments[0]);
					return switch (method.getName()) {
						case "getString" -> (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
						case "getBytes" -> value;
						case "getLong" -> number(value);
						default -> throw new UnsupportedOperationException(method.getName());
					};
				});
	}

	private static long number(byte[] value) throws SQLException {
		if (value == null) {
			return 0;
		}
		try {
			return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
		}
		catch (NumberFormatException ex) {
			throw new SQLException("Not a number", ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
