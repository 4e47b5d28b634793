/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.Target;
import io.litemesh.transport.mailbox.AbstractMailboxStoreTests;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

/**
 * The scenarios every database runs: the {@link MailboxStore} contract, and what is
 * particular to tables (big backlogs, rows of another cluster, outages, missing tables).
 * Each test works on tables of its own prefix, dropped afterwards.
 *
 * @author LiteMesh team
 */
abstract class AbstractJdbcMailboxStoreTests extends AbstractMailboxStoreTests {

	/** The size bound of the stores under test: small, so oversized rows stay cheap. */
	static final int MAX_MESSAGE_SIZE = 64 * 1024;

	static final Duration WAIT = Duration.ofSeconds(20);

	final String prefix = TestDatabases.uniquePrefix();

	private DataSource dataSource;

	/**
	 * Return the database of the subclass.
	 * @return the data source
	 */
	abstract DataSource database();

	@BeforeEach
	void createTables() {
		this.dataSource = database();
		TestDatabases.createTables(this.dataSource, this.prefix);
	}

	@AfterEach
	void closeStoresAndDropTables() {
		closeStores();
		if (this.dataSource != null) {
			TestDatabases.dropTables(this.dataSource, this.prefix);
		}
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	JdbcMailboxStoreBuilder builder() {
		return JdbcMailboxStore.builder(this.dataSource).tablePrefix(this.prefix).maxMessageSize(MAX_MESSAGE_SIZE);
	}

	/**
	 * Build a store that is closed after the test.
	 * @param builder the builder
	 * @return the store
	 */
	JdbcMailboxStore track(JdbcMailboxStoreBuilder builder) {
		return track(builder.build());
	}

	@Override
	protected MailboxStore createStore(Duration claimTimeout, Clock clock) {
		return builder().claimTimeout(claimTimeout).clock(clock).build();
	}

	@Override
	protected void plantMalformed(MailboxStore store, String nodeId) {
		plant(malformedId(), null, nodeId, "BOGUS", 3);
	}

	@Override
	protected void plantOversized(MailboxStore store, String nodeId) {
		plant(databaseType().toDatabase(UUID.randomUUID()), null, nodeId, "FIRE", MAX_MESSAGE_SIZE + 1);
	}

	/**
	 * Return the id of a malformed row: a random UUID where the column is typed, so the
	 * type is what is malformed.
	 * @return the id to write
	 */
	Object malformedId() {
		return databaseType().toDatabase(UUID.randomUUID());
	}

	DatabaseType databaseType() {
		return JdbcSchema.databaseType(this.dataSource);
	}

	void plant(Object id, String cluster, String recipient, String type, int dataSize) {
		jdbc().update(
				"INSERT INTO " + this.prefix + "MAILBOX (ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, "
						+ "CORRELATION, CREATED_AT, EXPIRES_AT, VISIBLE_AT, SIGNATURE, METADATA, DATA) "
						+ "VALUES (?, ?, 'planted', ?, ?, ?, 0, ?, 0, NULL, ?, ?)",
				id, cluster, recipient, type, databaseType().toDatabase(UUID.randomUUID()),
				System.currentTimeMillis() + 60_000, new byte[0], new byte[dataSize]);
	}

	@Test
	void manyClaimersOnABigBacklogNeverShareAMessage() throws Exception {
		MailboxStore sender = assertClaimersNeverShare(3000, 8, 25, WAIT);
		assertThat(sender.claim(name("b"), 10)).isEmpty();
	}

	@Test
	void messageOfAnotherClusterIsRemovedAndCounted() {
		JdbcMailboxStore blue = track(builder().cluster("blue"));
		JdbcMailboxStore green = track(builder().cluster("green"));
		String b = name("b");
		green.deliver(List.of(message(name("a"), b, "foreign")));
		blue.deliver(List.of(message(name("a"), b, "own")));
		assertThat(blue.claim(b, 10)).extracting((message) -> new String(message.data(), StandardCharsets.UTF_8))
			.containsExactly("own");
		assertThat(blue.rejected()).isEqualTo(1);
		assertThat(rows("MAILBOX")).as("the foreign row is gone, the claimed one stays until acknowledged")
			.isEqualTo(1);
	}

	@Test
	void deliveringOneMessageIdTwiceStoresItOnce() {
		JdbcMailboxStore store = track(builder());
		MailMessage message = message(name("a"), name("b"), "once");
		store.deliver(List.of(message));
		store.deliver(List.of(message, message(name("a"), name("b"), "other")));
		assertThat(store.claim(name("b"), 10)).extracting(MailMessage::id).startsWith(message.id()).hasSize(2);
	}

	@Test
	void oversizedDeliveryIsRefusedBeforeAnythingIsWritten() {
		JdbcMailboxStore store = track(builder());
		MailMessage big = new MailMessage(UUID.randomUUID(), name("a"), name("b"), MailMessage.Type.FIRE,
				UUID.randomUUID(), System.currentTimeMillis() + 60_000, new byte[0], new byte[MAX_MESSAGE_SIZE + 1],
				null);
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> store.deliver(List.of(message(name("a"), name("b"), "small"), big)))
			.withMessageContaining(big.id().toString());
		assertThat(rows("MAILBOX")).isZero();
	}

	@Test
	void expireDeletesRegistryRowsWhoseLeaseEnded() {
		JdbcMailboxStore store = track(builder());
		long now = this.clock.millis();
		store.checkIn(new RegistryEntry(name("gone"), name("c"), 1, now - 1));
		store.checkIn(new RegistryEntry(name("live"), name("c"), 1, now + 60_000));
		store.expire();
		assertThat(rows("REGISTRY")).isEqualTo(1);
		store.checkOut(name("live"));
		assertThat(rows("REGISTRY")).isZero();
	}

	@Test
	void outageIsReportedAndCommittedMailSurvivesIt() throws Exception {
		FlakyDataSource database = new FlakyDataSource(this.dataSource);
		JdbcMailboxStore store = track(
				JdbcMailboxStore.builder(database).tablePrefix(this.prefix).maxBackoff(Duration.ofMillis(500)));
		String b = name("b");
		List<MailMessage> committed = List.of(message(name("a"), b, "1"), message(name("a"), b, "2"));
		store.deliver(committed);
		database.down();
		assertThatRuntimeException().isThrownBy(() -> store.claim(b, 10));
		assertThatRuntimeException().isThrownBy(() -> store.deliver(List.of(message(name("a"), b, "lost"))));
		assertThat(store.status().up()).isFalse();
		assertThat(store.status().failures()).isEqualTo(2);
		assertThat(store.status().error()).contains("down");
		long start = System.nanoTime();
		store.awaitMail(b, Duration.ofMinutes(1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a wait ends while the database is away")
			.isLessThan(Duration.ofSeconds(10));
		database.up();
		List<MailMessage> received = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			received.addAll(store.claim(b, 10));
			return received.size() >= 2;
		});
		assertThat(ids(received)).containsExactlyElementsOf(ids(committed));
		assertThat(store.status().up()).isTrue();
		assertThat(store.status().error()).isNull();
	}

	@Test
	void deliveryIsDurableEvenWhenTheCallersTransactionRollsBack() {
		JdbcMailboxStore store = track(builder());
		TransactionTemplate application = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		application.executeWithoutResult((status) -> {
			store.deliver(List.of(message(name("a"), name("b"), "kept")));
			status.setRollbackOnly();
		});
		assertThat(store.claim(name("b"), 10)).hasSize(1);
	}

	@Test
	void poolWithoutAutoCommitGetsEveryChangeCommitted() {
		DataSource manual = new DelegatingDataSource(this.dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				connection.setAutoCommit(false);
				return connection;
			}

		};
		JdbcMailboxStore store = track(JdbcMailboxStore.builder(manual).tablePrefix(this.prefix));
		JdbcMailboxStore observer = track(builder());
		String b = name("b");
		store.deliver(List.of(message(name("a"), b, "1"), message(name("a"), b, "2")));
		assertThat(rows("MAILBOX")).isEqualTo(2);
		List<MailMessage> claimed = store.claim(b, 1);
		assertThat(claimed).hasSize(1);
		assertThat(observer.claim(b, 10)).as("the claim is committed").hasSize(1);
		store.acknowledge(ids(claimed));
		assertThat(rows("MAILBOX")).isEqualTo(1);
	}

	@Test
	void missingTablesFailNamingThePropertyAndTheDdl() {
		String platform = databaseType().platform();
		assertThatExceptionOfType(JdbcSchemaMissingException.class)
			.isThrownBy(() -> JdbcMailboxStore.builder(this.dataSource).tablePrefix("LMT_MISSING_").build())
			.withMessageContaining("litemesh.jdbc.initialize-schema")
			.withMessageContaining("io/litemesh/transport/jdbc/schema/v1/schema-" + platform + ".sql")
			.withMessageContaining("LMT_MISSING_MAILBOX");
	}

	@Test
	void registryTableWithoutTheSignatureColumnFailsNamingTheFix() {
		jdbc().execute("ALTER TABLE " + this.prefix + "REGISTRY DROP COLUMN SIGNATURE");
		assertThatExceptionOfType(JdbcSchemaMissingException.class).isThrownBy(() -> builder().build())
			.withMessageContaining("ALTER TABLE " + this.prefix + "REGISTRY ADD SIGNATURE VARCHAR(255)");
	}

	@Test
	void schemaScriptRunsTwiceWithoutHarm() {
		JdbcSchema.create(this.dataSource, this.prefix);
		JdbcMailboxStore store = track(builder());
		store.deliver(List.of(message(name("a"), name("b"), "still fine")));
		assertThat(store.claim(name("b"), 1)).hasSize(1);
	}

	@Test
	void nodesThatShareOnlyTheDatabaseFindAndCallEachOther() {
		String cluster = name("mesh");
		MeshNode server = databaseOnlyNode("server", cluster, builder().cluster(cluster).build(), new Echo());
		MeshNode client = databaseOnlyNode("client", cluster, builder().cluster(cluster).build(), null);
		try {
			MeshTemplate mesh = new MeshTemplate(client);
			await().atMost(WAIT)
				.ignoreExceptions()
				.untilAsserted(
						() -> assertThat(mesh.request(Target.anycast("echo"), "echo", "over the table", String.class)
							.block(Duration.ofSeconds(5))).isEqualTo("over the table"));
		}
		finally {
			client.stop();
			server.stop();
		}
	}

	/**
	 * Start a node that only the database reaches (TCP off), offering the echo when
	 * given.
	 * @param role its role, made into a unique node id
	 * @param cluster its cluster
	 * @param store its store
	 * @param echo the echo service to offer, or {@code null}
	 * @return the started node
	 */
	protected MeshNode databaseOnlyNode(String role, String cluster, JdbcMailboxStore store, @Nullable Echo echo) {
		MeshNode node = MeshNode.builder()
			.nodeId(name(role))
			.cluster(cluster)
			.tcpEnabled(false)
			.mailboxStore(store)
			.build();
		if (echo != null) {
			node.registerService("echo", "", Map.of(), echo);
		}
		return node.start();
	}

	/**
	 * The service the mesh scenario calls.
	 */
	@MeshService("echo")
	public static class Echo {

		/**
		 * Echo the text.
		 * @param text the text
		 * @return the same text
		 */
		public String echo(String text) {
			return text;
		}

	}

	int rows(String table) {
		Integer count = jdbc().queryForObject("SELECT COUNT(*) FROM " + this.prefix + table, Integer.class);
		return (count != null) ? count : -1;
	}

}
