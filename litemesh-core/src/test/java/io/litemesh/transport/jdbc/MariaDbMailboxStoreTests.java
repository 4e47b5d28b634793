/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JDBC mailbox store on MariaDB, which claims with a {@code FOR UPDATE} that waits
 * for locked rows, and polls adaptively.
 *
 * @author LiteMesh team
 */
class MariaDbMailboxStoreTests extends AbstractJdbcMailboxStoreTests {

	@Override
	DataSource database() {
		return TestDatabases.mariadb();
	}

	@Override
	Object malformedId() {
		// ids are text here, so the id itself can be garbage
		return "not-a-uuid";
	}

	@Test
	void claimWaitsForAnOlderMessageThatAnotherSessionLocksRatherThanPassingIt() throws Exception {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String a = name("a");
		String b = name("b");
		store.deliver(List.of(message(a, b, "1"), message(a, b, "2"), message(a, b, "3")));
		CompletableFuture<List<MailMessage>> claim;
		try (Connection locker = dataSource().getConnection()) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				// what a statement of another session that only examines the row does
				statement.executeQuery("SELECT SEQ FROM " + this.prefix + "MAILBOX WHERE RECIPIENT = '" + b
						+ "' ORDER BY SEQ LIMIT 1 FOR UPDATE");
			}
			claim = CompletableFuture.supplyAsync(() -> store.claim(b, 10));
			await().atMost(WAIT).until(() -> claim.isDone() || waitsForALock());
			assertThat(claim).as("the claim waits for the oldest message").isNotDone();
			locker.commit();
		}
		assertThat(claim.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.extracting((message) -> new String(message.data(), StandardCharsets.UTF_8))
			.containsExactly("1", "2", "3");
	}

	private boolean waitsForALock() {
		Integer waiting = jdbc().queryForObject(
				"SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE ?",
				Integer.class, "%" + this.prefix + "MAILBOX%");
		return waiting != null && waiting > 0;
	}

}
