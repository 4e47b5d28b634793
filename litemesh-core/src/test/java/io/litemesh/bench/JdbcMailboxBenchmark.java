/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.bench;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchema;
import io.litemesh.transport.mailbox.MailMessage;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Measures the JDBC mailbox store on PostgreSQL against bare JDBC doing the same work, in
 * one run, and reports ratios: throughput of the deliver-claim-acknowledge cycle at batch
 * sizes 1 and 50; the latency from a delivery to the recipient's claim, and within it the
 * wake-up path alone (from the sender's commit to the claimer starting its claim); and
 * the cost of a claim on a large backlog. Every commit is durable (the server's
 * {@code synchronous_commit} applies), so on a slow disk commits dominate. The bare-JDBC
 * side runs the obvious SQL for the same cycle (a batch insert, a notify and a commit;
 * the store's claim without its size guards; a delete) on connections it holds, with
 * statements it prepared once: a hand-written queue at its simplest. A benchmark, not a
 * test: run it with
 * {@code ./mvnw -q -pl litemesh-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.litemesh.bench.JdbcMailboxBenchmark}; it uses
 * {@code LITEMESH_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 *
 * @author LiteMesh team
 */
public final class JdbcMailboxBenchmark {

	private static final String PREFIX = "LMBENCH_";

	private static final String CHANNEL = "lmbench_mailbox";

	private static final String INSERT = """
			INSERT INTO LMBENCH_MAILBOX (ID, CLUSTER_NAME, SENDER, RECIPIENT, MSG_TYPE, CORRELATION, CREATED_AT,
				EXPIRES_AT, VISIBLE_AT, SIGNATURE, METADATA, DATA)
			VALUES (?, NULL, ?, ?, 'FIRE', ?, ?, ?, 0, NULL, ?, ?) ON CONFLICT (ID) DO NOTHING""";

	private static final String CLAIM = """
			UPDATE LMBENCH_MAILBOX SET VISIBLE_AT = ?, ATTEMPTS = ATTEMPTS + 1
			WHERE SEQ IN (SELECT SEQ FROM LMBENCH_MAILBOX
				WHERE RECIPIENT = ? AND VISIBLE_AT <= ? AND EXPIRES_AT > ?
				ORDER BY SEQ LIMIT ? FOR UPDATE SKIP LOCKED)
			RETURNING SEQ, ID, SENDER, RECIPIENT, MSG_TYPE, CORRELATION, EXPIRES_AT, SIGNATURE, METADATA, DATA""";

	private static final int LATENCY_SAMPLES = 1000;

	private static final int ROUNDS = 7;

	private JdbcMailboxBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = System.getenv()
			.getOrDefault("LITEMESH_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		try (HikariDataSource pool = pool(url)) {
			drop(pool);
			JdbcSchema.create(pool, PREFIX);
			try {
				run(pool);
			}
			finally {
				drop(pool);
			}
		}
	}

	private static void run(DataSource pool) throws Exception {
		System.out.printf("JDBC mailbox on %s, %d cores%n", version(pool), Runtime.getRuntime().availableProcessors());
		for (int batch : new int[] { 1, 50 }) {
			int messages = (batch == 1) ? 2_000 : 20_000;
			bareThroughput(pool, batch, messages / 4);
			storeThroughput(pool, batch, messages / 4);
			double[] bare = new double[ROUNDS];
			double[] store = new double[ROUNDS];
			// interleaved rounds: other load on the machine slows some runs down, so the
			// best of each is the fairer comparison, and the median shows the spread
			for (int round = 0; round < ROUNDS; round++) {
				bare[round] = bareThroughput(pool, batch, messages);
				store[round] = storeThroughput(pool, batch, messages);
			}
			Arrays.sort(bare);
			Arrays.sort(store);
			System.out.printf(
					"deliver-claim-ack, batch %2d: bare JDBC %6.0f msg/s (median %6.0f), LiteMesh %6.0f msg/s"
							+ " (median %6.0f): x%.2f%n",
					batch, bare[ROUNDS - 1], bare[ROUNDS / 2], store[ROUNDS - 1], store[ROUNDS / 2],
					store[ROUNDS - 1] / bare[ROUNDS - 1]);
		}
		@Nullable Latency blocking = null;
		@Nullable Latency polled = null;
		@Nullable Latency store = null;
		@Nullable Latency polling = null;
		for (int round = 0; round < 2; round++) {
			blocking = better(blocking, bareWakeUp(pool, true));
			polled = better(polled, bareWakeUp(pool, false));
			store = better(store, storeWakeUp(pool, true));
			polling = better(polling, storeWakeUp(pool, false));
		}
		System.out.println("delivery to claim (both commits included) and wake-up after the delivery committed,"
				+ " best of 2 runs of " + LATENCY_SAMPLES + " samples:");
		print("bare JDBC, getNotifications(timeout)", blocking, blocking);
		print("bare JDBC, polled getNotifications()", polled, blocking);
		print("LiteMesh, LISTEN/NOTIFY", store, blocking);
		print("LiteMesh, adaptive polling only", polling, blocking);
		backlog(pool);
	}

	private static double storeThroughput(DataSource pool, int batch, int messages) {
		try (JdbcMailboxStore store = JdbcMailboxStore.builder(pool).tablePrefix(PREFIX).build()) {
			String node = "tp-" + UUID.randomUUID();
			long start = System.nanoTime();
			for (int sent = 0; sent < messages; sent += batch) {
				List<MailMessage> out = new ArrayList<>(batch);
				for (int i = 0; i < batch; i++) {
					out.add(message(node, 0));
				}
				store.deliver(out);
				List<MailMessage> in = store.claim(node, batch);
				store.acknowledge(in.stream().map(MailMessage::id).toList());
			}
			return messages * 1e9 / (System.nanoTime() - start);
		}
	}

	private static double bareThroughput(DataSource pool, int batch, int messages) throws SQLException {
		String node = "tp-" + UUID.randomUUID();
		String delete = "DELETE FROM LMBENCH_MAILBOX WHERE ID IN (" + "?, ".repeat(batch - 1) + "?)";
		try (Connection connection = pool.getConnection();
				PreparedStatement insert = connection.prepareStatement(INSERT);
				PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)");
				PreparedStatement claim = connection.prepareStatement(CLAIM);
				PreparedStatement ack = connection.prepareStatement(delete)) {
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			for (int sent = 0; sent < messages; sent += batch) {
				long now = System.currentTimeMillis();
				for (int i = 0; i < batch; i++) {
					bind(insert, message(node, 0), now);
					insert.addBatch();
				}
				insert.executeBatch();
				notify.setString(1, CHANNEL);
				notify.setString(2, node);
				notify.executeQuery().close();
				connection.commit();
				List<UUID> ids = claim(claim, node, batch);
				connection.commit();
				for (int i = 0; i < batch; i++) {
					ack.setObject(i + 1, (i < ids.size()) ? ids.get(i) : UUID.randomUUID());
				}
				ack.executeUpdate();
				connection.commit();
			}
			connection.setAutoCommit(true);
			return messages * 1e9 / (System.nanoTime() - start);
		}
	}

	private static Latency storeWakeUp(DataSource pool, boolean notifications) throws Exception {
		String node = "wake-" + UUID.randomUUID();
		try (JdbcMailboxStore receiver = JdbcMailboxStore.builder(pool)
			.tablePrefix(PREFIX)
			.notifications(notifications)
			.pollInterval(notifications ? Duration.ofSeconds(5) : JdbcMailboxStore.DEFAULT_POLL_INTERVAL)
			.build(); JdbcMailboxStore sender = JdbcMailboxStore.builder(pool).tablePrefix(PREFIX).build()) {
			receiver.awaitMail(node, Duration.ofMillis(1));
			while (notifications && !receiver.status().listening()) {
				Thread.onSpinWait();
			}
			SynchronousQueue<Received> received = new SynchronousQueue<>();
			Thread claimer = new Thread(() -> {
				try {
					while (!Thread.currentThread().isInterrupted()) {
						long woke = System.nanoTime();
						List<MailMessage> got = receiver.claim(node, 10);
						if (got.isEmpty()) {
							receiver.awaitMail(node, Duration.ofSeconds(5));
							continue;
						}
						long claimed = System.nanoTime();
						receiver.acknowledge(got.stream().map(MailMessage::id).toList());
						for (MailMessage message : got) {
							received.put(new Received(ByteBuffer.wrap(message.data()).getLong(), woke, claimed));
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			claimer.start();
			try {
				return sample(() -> sender.deliver(List.of(message(node, System.nanoTime()))), received);
			}
			finally {
				claimer.interrupt();
				claimer.join();
			}
		}
	}

	private static Latency bareWakeUp(DataSource pool, boolean blocking) throws Exception {
		String node = "wake-" + UUID.randomUUID();
		try (Connection listening = pool.getConnection();
				Connection claiming = pool.getConnection();
				Connection sending = pool.getConnection();
				PreparedStatement claim = claiming.prepareStatement(CLAIM);
				PreparedStatement insert = sending.prepareStatement(INSERT);
				PreparedStatement notify = sending.prepareStatement("SELECT pg_notify(?, ?)")) {
			try (Statement statement = listening.createStatement()) {
				statement.execute("LISTEN " + CHANNEL);
			}
			PGConnection postgres = listening.unwrap(PGConnection.class);
			sending.setAutoCommit(false);
			SynchronousQueue<Received> received = new SynchronousQueue<>();
			Thread claimer = new Thread(() -> {
				try {
					while (!Thread.currentThread().isInterrupted()) {
						PGNotification[] notifications = blocking ? postgres.getNotifications(5000)
								: postgres.getNotifications();
						if (notifications == null || notifications.length == 0) {
							continue;
						}
						long woke = System.nanoTime();
						try (ResultSet rows = claimRows(claim, node, 10)) {
							while (rows.next()) {
								long claimed = System.nanoTime();
								received
									.put(new Received(ByteBuffer.wrap(rows.getBytes("DATA")).getLong(), woke, claimed));
							}
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			claimer.start();
			try {
				return sample(() -> {
					try {
						bind(insert, message(node, System.nanoTime()), System.currentTimeMillis());
						insert.executeUpdate();
						notify.setString(1, CHANNEL);
						notify.setString(2, node);
						notify.executeQuery().close();
						sending.commit();
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}, received);
			}
			finally {
				claimer.interrupt();
				claimer.join(10_000);
				sending.setAutoCommit(true);
			}
		}
	}

	/**
	 * Send one message at a time and wait for it, pausing between sends so that the
	 * claimer is waiting again, as a quiet mailbox would be.
	 */
	private static Latency sample(Runnable send, SynchronousQueue<Received> received) throws InterruptedException {
		long[] nanos = new long[LATENCY_SAMPLES];
		long[] wakeUps = new long[LATENCY_SAMPLES];
		for (int i = -100; i < LATENCY_SAMPLES; i++) {
			send.run();
			long committed = System.nanoTime();
			Received message = received.poll(10, TimeUnit.SECONDS);
			if (message == null) {
				throw new IllegalStateException("No wake-up within 10 s");
			}
			if (i >= 0) {
				nanos[i] = message.claimed - message.sent;
				// negative when the listener heard of the commit before the sender did
				wakeUps[i] = message.woke - committed;
			}
			Thread.sleep(2);
		}
		return new Latency(nanos, wakeUps);
	}

	/**
	 * The cost of claiming one message from a quiet table against a table with a large
	 * backlog for other mailboxes and for this one: indexed, it should barely change.
	 */
	private static void backlog(DataSource pool) {
		try (JdbcMailboxStore store = JdbcMailboxStore.builder(pool).tablePrefix(PREFIX).build()) {
			Latency quiet = claimCost(store, "quiet-" + UUID.randomUUID());
			String busy = "busy-" + UUID.randomUUID();
			for (int i = 0; i < 200; i++) {
				List<MailMessage> rows = new ArrayList<>(1000);
				for (int j = 0; j < 1000; j++) {
					rows.add(message(((j % 2) == 0) ? busy : "other-" + (j % 500), 0));
				}
				store.deliver(rows);
			}
			Latency loaded = claimCost(store, busy);
			System.out.println("claim + acknowledge of one message after a delivery, 2000 samples:");
			print("LiteMesh, empty mailbox table", quiet, quiet);
			print("LiteMesh, 200k rows, 100k in this mailbox", loaded, quiet);
		}
	}

	private static Latency claimCost(JdbcMailboxStore store, String node) {
		int samples = 2000;
		long[] nanos = new long[samples];
		for (int i = -200; i < samples; i++) {
			// the same write before every claim, so the two tables differ only in size
			store.deliver(List.of(message(node, 0)));
			long start = System.nanoTime();
			List<MailMessage> got = store.claim(node, 1);
			store.acknowledge(got.stream().map(MailMessage::id).toList());
			if (i >= 0) {
				nanos[i] = System.nanoTime() - start;
			}
		}
		return new Latency(nanos, null);
	}

	private static List<UUID> claim(PreparedStatement claim, String node, int max) throws SQLException {
		List<UUID> ids = new ArrayList<>(max);
		try (ResultSet rows = claimRows(claim, node, max)) {
			while (rows.next()) {
				ids.add(rows.getObject("ID", UUID.class));
				rows.getBytes("METADATA");
				rows.getBytes("DATA");
			}
		}
		return ids;
	}

	private static ResultSet claimRows(PreparedStatement claim, String node, int max) throws SQLException {
		long now = System.currentTimeMillis();
		claim.setLong(1, now + 30_000);
		claim.setString(2, node);
		claim.setLong(3, now);
		claim.setLong(4, now);
		claim.setInt(5, max);
		return claim.executeQuery();
	}

	private static void bind(PreparedStatement insert, MailMessage message, long now) throws SQLException {
		insert.setObject(1, message.id());
		insert.setString(2, message.from());
		insert.setString(3, message.to());
		insert.setObject(4, message.correlation());
		insert.setLong(5, now);
		insert.setLong(6, message.expiresAtMillis());
		insert.setBytes(7, message.metadata());
		insert.setBytes(8, message.data());
	}

	/**
	 * A fire-and-forget of about the size of a small request: 64 bytes of metadata and
	 * 256 of data, the first 8 of which carry a timestamp.
	 */
	private static MailMessage message(String to, long stamp) {
		byte[] data = new byte[256];
		ByteBuffer.wrap(data).putLong(stamp);
		return new MailMessage(UUID.randomUUID(), "bench-sender", to, MailMessage.Type.FIRE, UUID.randomUUID(),
				System.currentTimeMillis() + 600_000, new byte[64], data, null);
	}

	private static HikariDataSource pool(String url) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

	private static String version(DataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection()) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
	}

	private static void drop(DataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS LMBENCH_MAILBOX");
			statement.execute("DROP TABLE IF EXISTS LMBENCH_REGISTRY");
		}
	}

	private static Latency better(@Nullable Latency best, Latency latency) {
		return (best == null || latency.p50 < best.p50) ? latency : best;
	}

	private static void print(String name, Latency latency, Latency baseline) {
		System.out.printf("  %-42s p50 %8.1f us  p99 %8.1f us  (p50 x%.2f)", name, latency.p50 / 1e3, latency.p99 / 1e3,
				(double) latency.p50 / baseline.p50);
		if (latency.wakeUpP50 != null && latency.wakeUpP99 != null) {
			System.out.printf("  woken after commit: p50 %6.1f us  p99 %7.1f us", latency.wakeUpP50 / 1e3,
					latency.wakeUpP99 / 1e3);
		}
		System.out.println();
	}

	/**
	 * A message as the claimer got it: when it was sent, when the claimer woke and began
	 * the claim that found it, and when that claim returned.
	 */
	private record Received(long sent, long woke, long claimed) {
	}

	private record Latency(long p50, long p99, @Nullable Long wakeUpP50, @Nullable Long wakeUpP99) {

		Latency(long[] nanos, long @Nullable [] wakeUps) {
			this(percentile(nanos, 50), percentile(nanos, 99), (wakeUps != null) ? percentile(wakeUps, 50) : null,
					(wakeUps != null) ? percentile(wakeUps, 99) : null);
		}

		private static long percentile(long[] values, int percentile) {
			long[] sorted = values.clone();
			Arrays.sort(sorted);
			return sorted[sorted.length * percentile / 100];
		}

	}

}
