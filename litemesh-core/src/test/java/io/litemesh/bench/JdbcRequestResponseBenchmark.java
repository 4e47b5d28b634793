/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.TestDatabases;

/**
 * Measures request-response between two nodes that share only a PostgreSQL database (TCP
 * off), woken by {@code LISTEN/NOTIFY}: the whole round trip a caller sees, two
 * deliveries and two claims. A benchmark, not a test: run it with
 * {@code ./mvnw -q -pl litemesh-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.litemesh.bench.JdbcRequestResponseBenchmark}.
 *
 * @author LiteMesh team
 */
public final class JdbcRequestResponseBenchmark {

	private static final int WARMUP = 300;

	private static final int ROUNDS = 1_000;

	private JdbcRequestResponseBenchmark() {
	}

	public static void main(String[] args) {
		DataSource dataSource = TestDatabases.postgres();
		String prefix = TestDatabases.uniquePrefix();
		TestDatabases.createTables(dataSource, prefix);
		MeshNode server = node("server", dataSource, prefix);
		server.registerService("echo", "", Map.of(), new RoundTripBenchmark.Echo());
		server.start();
		MeshNode client = node("client", dataSource, prefix).start();
		try {
			while (client.snapshot()
				.nodes()
				.stream()
				.noneMatch((node) -> node.id().equals("server") && node.hops() == 1)) {
				Thread.onSpinWait();
			}
			MeshTemplate template = new MeshTemplate(client);
			Target target = Target.unicast("server", "echo");
			for (int i = 0; i < WARMUP; i++) {
				template.request(target, "echo", "ping", String.class).block(Duration.ofSeconds(10));
			}
			long[] nanos = new long[ROUNDS];
			long start = System.nanoTime();
			for (int i = 0; i < ROUNDS; i++) {
				long t = System.nanoTime();
				template.request(target, "echo", "ping", String.class).block(Duration.ofSeconds(10));
				nanos[i] = System.nanoTime() - t;
			}
			long total = System.nanoTime() - start;
			Arrays.sort(nanos);
			System.out.printf(
					"request-response over PostgreSQL only (LISTEN/NOTIFY): p50 %.2f ms, p99 %.2f ms, "
							+ "%.0f req/s sequential%n",
					nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6, ROUNDS * 1e9 / total);
		}
		finally {
			client.stop();
			server.stop();
			TestDatabases.dropTables(dataSource, prefix);
		}
	}

	private static MeshNode node(String id, DataSource dataSource, String prefix) {
		return MeshNode.builder()
			.nodeId(id)
			.cluster("bench-jdbc")
			.tcpEnabled(false)
			.mailboxStore(JdbcMailboxStore.builder(dataSource).tablePrefix(prefix).cluster("bench-jdbc").build())
			.build();
	}

}
