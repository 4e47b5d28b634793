/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.litemesh.MeshNode;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code stream} does beyond printing lines: a slow reader slows the node that
 * produces, and Ctrl+C stops the stream at its source. The CLI talks to a, the stream
 * comes from b, through a.
 */
class StreamCommandTests {

	private static TestMesh nodes;

	private static List<String> a;

	private static Greeter greeter;

	@BeforeAll
	static void startMesh() {
		nodes = TestMesh.tcp();
		MeshNode first = nodes.start("a");
		greeter = new Greeter("b");
		nodes.start("b", greeter);
		nodes.awaitConverged();
		a = CliArgs.connect(first);
	}

	@AfterAll
	static void stopMesh() {
		nodes.close();
	}

	@Test
	void aReaderThatDoesNotReadHoldsTheProducerBack() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		BlockedWriter out = new BlockedWriter(reading);
		long before = greeter.produced.get();
		Cli.Running running = Cli.start(out, List.of(a.get(0), a.get(1), "stream", "greeter.count", "1000000"));
		try {
			await().atMost(TestMesh.CONVERGE).until(() -> greeter.produced.get() > before);
			// demand stays within a few batches of what was printed (one batch, measured
			// here): nothing runs ahead, relay included
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> greeter.produced.get() - before <= 4 * StreamCommand.BATCH);
		}
		finally {
			running.cli().interrupt();
			reading.countDown();
		}
		assertThat(running.status().get(10, TimeUnit.SECONDS)).isEqualTo(130);
	}

	@Test
	void interruptingStopsTheStreamAtItsSourceAndPrintsNoError() throws Exception {
		StringWriter out = new StringWriter();
		Cli.Running running = Cli.start(out, List.of(a.get(0), a.get(1), "stream", "greeter.ticks"));
		await().atMost(TestMesh.CONVERGE).until(() -> out.toString().lines().count() >= 3);
		running.cli().interrupt();
		assertThat(running.status().get(10, TimeUnit.SECONDS)).isEqualTo(130);
		assertThat(running.err().toString()).isEmpty();
		assertThat(out.toString().lines()).allSatisfy((line) -> assertThat(line).matches("\\d+"));
		// the node stops producing once the cancellation has reached it
		long[] last = { greeter.produced.get() };
		await().atMost(TestMesh.CONVERGE).pollInterval(Duration.ofMillis(200)).until(() -> {
			long now = greeter.produced.get();
			boolean stopped = now == last[0];
			last[0] = now;
			return stopped;
		});
	}

	/**
	 * Standard output that blocks the first write until the reader reads.
	 */
	private static final class BlockedWriter extends Writer {

		private final CountDownLatch reading;

		BlockedWriter(CountDownLatch reading) {
			this.reading = reading;
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			try {
				this.reading.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
