/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.NonBlocking;
import io.litemesh.Target;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchema;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request-response between two nodes that share only PostgreSQL (TCP off), built the way
 * the Spring Boot starter builds them: one HikariCP pool per application with Boot's
 * defaults, and the store the auto-configuration builds on it. Measures, in one run:
 * <ol>
 * <li>the first call right after the mesh formed and the average of the first ten, as a
 * user's test sees them;</li>
 * <li>sequential calls after a warm-up: p50, p99, p99.9;</li>
 * <li>the throughput of 16 concurrent callers, in rounds interleaved with a bare JDBC
 * request/reply loop doing the same durable work: the requester inserts a request and
 * notifies in one committed statement, a responder claims requests with
 * {@code FOR UPDATE SKIP LOCKED}, inserts the replies, notifies, deletes the requests and
 * commits, the requester claims and deletes its reply in one committed statement. Both
 * sides are woken by {@code LISTEN/NOTIFY} as LiteMesh is.</li>
 * </ol>
 * The benchmark runner runs it for {@code --systems jdbc} (and {@code all}), in a JVM of
 * its own; it writes its figures to {@code target/results-jdbc-<time>.json}. System
 * properties {@code bench.calls}, {@code bench.warmup}, {@code bench.callers},
 * {@code bench.rounds}, {@code bench.seconds} change its size.
 *
 * @author LiteMesh team
 */
public final class JdbcRequestResponseBenchmark {

	private static final int CALLS = Integer.getInteger("bench.calls", 2_000);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);

	private static final int CALLERS = Integer.getInteger("bench.callers", 16);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

	private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));

	/** Responder threads of the bare loop, each claiming up to {@link #BARE_BATCH}. */
	private static final int BARE_RESPONDERS = Integer.getInteger("bench.bare.responders", 4);

	private static final int BARE_BATCH = 16;

	private static final String BARE_TABLE = "LMBENCH_RR";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The figures of the run, in the order measured, written as JSON at the end. */
	private static final Map<String, Object> RESULTS = new LinkedHashMap<>();

	private JdbcRequestResponseBenchmark() {
	}

	/**
	 * The echo measured, on the thread that claimed the request, as the bare loop's
	 * responders answer on theirs.
	 */
	@NonBlocking
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

	/**
	 * Run the benchmark against the PostgreSQL of {@code LITEMESH_TEST_POSTGRES_URL}
	 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}).
	 * @param args none
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		String url = System.getenv()
			.getOrDefault("LITEMESH_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String prefix = "LMRR_"
				+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT) + "_";
		try (HikariDataSource serverPool = pool(url, "server"); HikariDataSource clientPool = pool(url, "client")) {
			JdbcSchema.create(serverPool, prefix);
			createBareTable(serverPool);
			MeshNode server = node("server", serverPool, prefix);
			MeshNode client = null;
			try {
				server.registerService("echo", "", Map.of(), new Echo());
				server.start();
				client = node("client", clientPool, prefix).start();
				System.out.printf("PostgreSQL request-response, %d cores, %s%n",
						Runtime.getRuntime().availableProcessors(), version(serverPool));
				run(client, url);
				writeResults();
			}
			finally {
				if (client != null) {
					client.stop();
				}
				server.stop();
				drop(serverPool, prefix + "MAILBOX", prefix + "REGISTRY", BARE_TABLE);
			}
		}
	}

	private static void run(MeshNode client, String url) throws Exception {
		awaitPeer(client, "server");
		MeshTemplate template = new MeshTemplate(client);
		Target target = Target.unicast("server", "echo");
		long[] first = new long[10];
		for (int i = 0; i < first.length; i++) {
			first[i] = call(template, target);
		}
		System.out.printf("right after the mesh formed: first call %.2f ms, average of the first 10 %.2f ms%n",
				first[0] / 1e6, Arrays.stream(first).average().orElse(0) / 1e6);
		RESULTS.put("firstCallMs", first[0] / 1e6);
		RESULTS.put("firstTenMeanMs", Arrays.stream(first).average().orElse(0) / 1e6);
		for (int i = 0; i < WARMUP; i++) {
			call(template, target);
		}
		long[] nanos = new long[CALLS];
		long start = System.nanoTime();
		for (int i = 0; i < CALLS; i++) {
			nanos[i] = call(template, target);
		}
		long total = System.nanoTime() - start;
		Arrays.sort(nanos);
		System.out.printf(
				"sequential, %d calls after %d warm-up: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms,"
						+ " %.0f calls/s%n",
				CALLS, WARMUP, percentile(nanos, 50), percentile(nanos, 99), percentile(nanos, 99.9),
				nanos[CALLS - 1] / 1e6, CALLS * 1e9 / total);
		RESULTS.put("sequentialP50Ms", percentile(nanos, 50));
		RESULTS.put("sequentialP99Ms", percentile(nanos, 99));
		RESULTS.put("sequentialP999Ms", percentile(nanos, 99.9));
		System.out.println("client store: " + client.health());
		try (Bare bare = new Bare(url)) {
			long[] bareNanos = bare.sequential(CALLS / 2);
			System.out.printf("bare JDBC sequential, %d calls: p50 %.2f ms, p99 %.2f ms%n", bareNanos.length,
					percentile(bareNanos, 50), percentile(bareNanos, 99));
			RESULTS.put("bareSequentialP50Ms", percentile(bareNanos, 50));
			RESULTS.put("bareSequentialP99Ms", percentile(bareNanos, 99));
			double[] mesh = new double[ROUNDS];
			double[] plain = new double[ROUNDS];
			// warm both up, then interleave, alternating which goes first: load from
			// elsewhere on the machine then hits both alike
			concurrent(template, target, SECONDS / 2);
			bare.concurrent(SECONDS / 2);
			for (int round = 0; round < ROUNDS; round++) {
				if (round % 2 == 0) {
					mesh[round] = concurrent(template, target, SECONDS);
					plain[round] = bare.concurrent(SECONDS);
				}
				else {
					plain[round] = bare.concurrent(SECONDS);
					mesh[round] = concurrent(template, target, SECONDS);
				}
				System.out.printf("round %d, %d callers: LiteMesh %6.0f calls/s, bare JDBC %6.0f calls/s: x%.2f%n",
						round + 1, CALLERS, mesh[round], plain[round], mesh[round] / plain[round]);
			}
			RESULTS.put("callers", CALLERS);
			RESULTS.put("liteMeshCallsPerSecondByRound", mesh.clone());
			RESULTS.put("bareCallsPerSecondByRound", plain.clone());
			Arrays.sort(mesh);
			Arrays.sort(plain);
			RESULTS.put("medianRatio", mesh[ROUNDS / 2] / plain[ROUNDS / 2]);
			System.out.printf(
					"%d callers, median of %d rounds: LiteMesh %.0f calls/s, bare JDBC %.0f calls/s: x%.2f"
							+ " (best x%.2f)%n",
					CALLERS, ROUNDS, mesh[ROUNDS / 2], plain[ROUNDS / 2], mesh[ROUNDS / 2] / plain[ROUNDS / 2],
					mesh[ROUNDS - 1] / plain[ROUNDS - 1]);
		}
	}

	private static void writeResults() throws IOException {
		Path target = Path.of(System.getProperty("litemesh.benchmarks.home", "."), "target");
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path file = Files.createDirectories(target).resolve("results-jdbc-" + stamp + ".json");
		Files.writeString(file,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(RESULTS));
		System.out.println("Results: " + file.toAbsolutePath().normalize());
	}

	private static long call(MeshTemplate template, Target target) {
		long start = System.nanoTime();
		template.request(target, "echo", "ping", String.class).block(TIMEOUT);
		return System.nanoTime() - start;
	}

	private static double concurrent(MeshTemplate template, Target target, double seconds) throws Exception {
		return callers(seconds, () -> call(template, target));
	}

	/**
	 * Run {@link #CALLERS} threads that call in a loop for a while.
	 * @return calls per second
	 */
	private static double callers(double seconds, Caller caller) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong calls = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		CountDownLatch started = new CountDownLatch(CALLERS);
		for (int i = 0; i < CALLERS; i++) {
			Thread thread = new Thread(() -> {
				started.countDown();
				try {
					while (running.get()) {
						caller.call();
						calls.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}, "bench-caller-" + i);
			threads.add(thread);
			thread.start();
		}
		started.await();
		long before = calls.get();
		long start = System.nanoTime();
		Thread.sleep((long) (seconds * 1000));
		long done = calls.get() - before;
		long elapsed = System.nanoTime() - start;
		running.set(false);
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A caller failed", failures.get(0));
		}
		return done * 1e9 / elapsed;
	}

	private static double percentile(long[] sorted, double percent) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * percent / 100) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static void awaitPeer(MeshNode node, String peer) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (node.snapshot().nodes().stream().noneMatch((view) -> view.id().equals(peer) && view.hops() == 1)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Node " + peer + " did not join within " + TIMEOUT);
			}
			Thread.sleep(1);
		}
	}

	/**
	 * A node as the starter builds it: TCP off, the JDBC store on the application's pool
	 * with the auto-configuration's settings.
	 */
	private static MeshNode node(String id, HikariDataSource pool, String prefix) {
		JdbcMailboxStore store = JdbcMailboxStore.builder(pool)
			.tablePrefix(prefix)
			.cluster("litemesh")
			.maxMessageSize(16 * 1024 * 1024)
			.build();
		return MeshNode.builder().nodeId(id).cluster("litemesh").tcpEnabled(false).mailboxStore(store).build();
	}

	/** A pool with Spring Boot's defaults for HikariCP (10 connections, auto-commit). */
	private static HikariDataSource pool(String url, String name) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername("postgres");
		config.setPoolName("bench-" + name);
		return new HikariDataSource(config);
	}

	private static String version(HikariDataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			String version = result.getString(1);
			try (ResultSet commit = statement.executeQuery("SHOW synchronous_commit")) {
				commit.next();
				return "PostgreSQL " + version + ", synchronous_commit=" + commit.getString(1);
			}
		}
	}

	private static void createBareTable(HikariDataSource pool) throws SQLException {
		drop(pool, BARE_TABLE);
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE TABLE " + BARE_TABLE + " (SEQ BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
						+ " ID UUID NOT NULL UNIQUE, RECIPIENT VARCHAR(255) NOT NULL, SENDER VARCHAR(255) NOT NULL,"
						+ " CORRELATION UUID NOT NULL, DATA BYTEA NOT NULL)");
			statement.execute("CREATE INDEX " + BARE_TABLE + "_IX ON " + BARE_TABLE + " (RECIPIENT, SEQ)");
		}
	}

	private static void drop(HikariDataSource pool, String... tables) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : tables) {
				statement.execute("DROP TABLE IF EXISTS " + table);
			}
		}
	}

	@FunctionalInterface
	private interface Caller {

		void call() throws Exception;

	}

	/**
	 * The bare JDBC request/reply loop: requesters with a connection each, listening on a
	 * channel of their own; responders claiming batches of requests with
	 * {@code SKIP LOCKED} and answering them in the claim's transaction.
	 */
	private static final class Bare implements AutoCloseable {

		private static final String REQUEST = "WITH stored AS (INSERT INTO " + BARE_TABLE
				+ " (ID, RECIPIENT, SENDER, CORRELATION, DATA) VALUES (?, 'server', ?, ?, ?) RETURNING RECIPIENT)"
				+ " SELECT pg_notify('lmbench_server', RECIPIENT) FROM stored";

		private static final String CLAIM_REQUESTS = "SELECT SEQ, SENDER, CORRELATION, DATA FROM " + BARE_TABLE
				+ " WHERE RECIPIENT = 'server' ORDER BY SEQ LIMIT " + BARE_BATCH + " FOR UPDATE SKIP LOCKED";

		private static final String REPLY = "INSERT INTO " + BARE_TABLE
				+ " (ID, RECIPIENT, SENDER, CORRELATION, DATA) VALUES (?, ?, 'server', ?, ?)";

		private static final String NOTIFY = "SELECT pg_notify('lmbench_' || ?, '')";

		private static final String DELETE_REQUEST = "DELETE FROM " + BARE_TABLE + " WHERE SEQ = ?";

		private static final String CLAIM_REPLY = "DELETE FROM " + BARE_TABLE + " WHERE SEQ IN (SELECT SEQ FROM "
				+ BARE_TABLE + " WHERE RECIPIENT = ? ORDER BY SEQ LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING DATA";

		private final String url;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Thread> responders = new ArrayList<>();

		private final List<Connection> connections = new ArrayList<>();

		private final List<Requester> requesters = new ArrayList<>();

		Bare(String url) throws SQLException {
			this.url = url;
			for (int i = 0; i < BARE_RESPONDERS; i++) {
				Connection connection = connect();
				Thread thread = new Thread(() -> respond(connection), "bare-responder-" + i);
				thread.setDaemon(true);
				this.responders.add(thread);
				thread.start();
			}
			for (int i = 0; i < CALLERS; i++) {
				this.requesters.add(new Requester("c" + i, connect()));
			}
		}

		private Connection connect() throws SQLException {
			Connection connection = java.sql.DriverManager.getConnection(this.url, "postgres", "");
			this.connections.add(connection);
			return connection;
		}

		long[] sequential(int calls) throws SQLException {
			Requester requester = this.requesters.get(0);
			long[] nanos = new long[calls];
			for (int i = 0; i < calls; i++) {
				long start = System.nanoTime();
				requester.call();
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			return nanos;
		}

		double concurrent(double seconds) throws Exception {
			int[] next = new int[1];
			ThreadLocal<Requester> mine = ThreadLocal.withInitial(() -> {
				synchronized (next) {
					return this.requesters.get(next[0]++ % this.requesters.size());
				}
			});
			return callers(seconds, () -> mine.get().call());
		}

		private void respond(Connection connection) {
			try {
				listen(connection, "lmbench_server");
				connection.setAutoCommit(false);
				PGConnection postgres = connection.unwrap(PGConnection.class);
				try (PreparedStatement claim = connection.prepareStatement(CLAIM_REQUESTS);
						PreparedStatement reply = connection.prepareStatement(REPLY);
						PreparedStatement notify = connection.prepareStatement(NOTIFY);
						PreparedStatement delete = connection.prepareStatement(DELETE_REQUEST)) {
					while (this.running.get()) {
						int served = 0;
						try (ResultSet rows = claim.executeQuery()) {
							while (rows.next()) {
								String sender = rows.getString(2);
								// the "service": echo the request's data
								reply.setObject(1, UUID.randomUUID());
								reply.setString(2, sender);
								reply.setObject(3, rows.getObject(3));
								reply.setBytes(4, rows.getBytes(4));
								reply.addBatch();
								notify.setString(1, sender);
								notify.addBatch();
								delete.setLong(1, rows.getLong(1));
								delete.addBatch();
								served++;
							}
						}
						if (served > 0) {
							reply.executeBatch();
							notify.executeBatch();
							delete.executeBatch();
						}
						connection.commit();
						if (served < BARE_BATCH) {
							// a full batch means more may wait: claim again at once
							postgres.getNotifications(100);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running.get()) {
					throw new IllegalStateException(ex);
				}
			}
		}

		private static void listen(Connection connection, String channel) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + channel);
			}
		}

		@Override
		public void close() throws Exception {
			this.running.set(false);
			for (Thread responder : this.responders) {
				responder.join(1000);
			}
			for (Connection connection : this.connections) {
				connection.close();
			}
		}

		/** A caller of the bare loop, on a connection of its own. */
		private static final class Requester {

			private final String name;

			private final PGConnection postgres;

			private final PreparedStatement request;

			private final PreparedStatement claimReply;

			Requester(String name, Connection connection) throws SQLException {
				this.name = name;
				listen(connection, "lmbench_" + name);
				this.postgres = connection.unwrap(PGConnection.class);
				this.request = connection.prepareStatement(REQUEST);
				this.claimReply = connection.prepareStatement(CLAIM_REPLY);
				this.claimReply.setString(1, name);
			}

			void call() throws SQLException {
				UUID id = UUID.randomUUID();
				this.request.setObject(1, id);
				this.request.setString(2, this.name);
				this.request.setObject(3, id);
				this.request.setBytes(4, "\"ping\"".getBytes());
				this.request.executeQuery().close();
				long deadline = System.nanoTime() + TIMEOUT.toNanos();
				while (System.nanoTime() < deadline) {
					// the reply's notification, or a timeout that bounds a lost one
					this.postgres.getNotifications(100);
					try (ResultSet reply = this.claimReply.executeQuery()) {
						if (reply.next()) {
							return;
						}
					}
				}
				throw new IllegalStateException("No bare reply within " + TIMEOUT);
			}

		}

	}

}
