/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Drives one {@link EchoClient} on the runner's commands, one per line on standard input,
 * each answered by one {@code RESULT <json>} line:
 * <ul>
 * <li>{@code warmup <in-flight> <window-ms> <tolerance-%> <min-windows> <cap-s>}: windows
 * at that many requests in flight until the last three windows differ by less than the
 * tolerance (and at least the minimum ran), or the cap is reached;</li>
 * <li>{@code latency <seconds>}: sequential calls, one in flight, with p50, p99 and
 * p99.9;</li>
 * <li>{@code throughput <in-flight> <seconds>}: calls at that many in flight;</li>
 * <li>{@code quit}.</li>
 * </ul>
 * Same code for every system: only the {@link EchoClient} differs.
 *
 * @author LiteMesh team
 */
public final class LoadDriver {

	private static final long CALL_TIMEOUT_SECONDS = 30;

	private static final int SETTLED_WINDOWS = 3;

	private final EchoClient client;

	private final PrintStream out;

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Create a driver.
	 * @param client the client it drives
	 * @param out where {@code RESULT} lines go
	 */
	public LoadDriver(EchoClient client, PrintStream out) {
		this.client = client;
		this.out = out;
	}

	/**
	 * Serve commands until {@code quit} or the end of the input.
	 * @param in the commands
	 * @throws Exception if a command fails
	 */
	public void serve(BufferedReader in) throws Exception {
		String line;
		while ((line = in.readLine()) != null) {
			String[] words = line.trim().split("\\s+");
			String result = switch (words[0]) {
				case "warmup" -> warmup(Integer.parseInt(words[1]), Long.parseLong(words[2]),
						Double.parseDouble(words[3]), Integer.parseInt(words[4]), Long.parseLong(words[5]));
				case "latency" -> latency(Double.parseDouble(words[1]));
				case "throughput" -> throughput(Integer.parseInt(words[1]), Double.parseDouble(words[2])).toJson();
				case "quit" -> null;
				default -> throw new IOException("Unknown command '" + line + "'");
			};
			if (result == null) {
				return;
			}
			this.out.println("RESULT " + result);
			this.out.flush();
		}
	}

	private String warmup(int inFlight, long windowMillis, double tolerancePercent, int minWindows, long capSeconds)
			throws InterruptedException {
		List<Double> rates = new ArrayList<>();
		long errors = 0;
		boolean settled = false;
		long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(capSeconds);
		while (!settled && System.nanoTime() < cap) {
			Window window = throughput(inFlight, windowMillis / 1000.0);
			errors += window.errors;
			rates.add(window.rate());
			int n = rates.size();
			if (n >= Math.max(SETTLED_WINDOWS, minWindows)) {
				// the last windows within the tolerance of each other: two alone can
				// agree while
				// the JIT compiler is still raising throughput
				List<Double> last = rates.subList(n - SETTLED_WINDOWS, n);
				double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
				double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
				settled = max - min < max * tolerancePercent / 100;
			}
		}
		String windows = rates.stream()
			.map((rate) -> String.format(Locale.ROOT, "%.0f", rate))
			.collect(Collectors.joining(",", "[", "]"));
		return String.format(Locale.ROOT, "{\"settled\":%b,\"windows\":%s,\"errors\":%d}", settled, windows, errors);
	}

	private String latency(double seconds) throws Exception {
		long[] nanos = new long[1 << 16];
		int n = 0;
		long errors = 0;
		long end = System.nanoTime() + (long) (seconds * 1e9);
		while (System.nanoTime() < end && n < 10_000_000) {
			EchoMessage request = EchoMessage.of(this.sequence.getAndIncrement());
			long start = System.nanoTime();
			EchoMessage reply = this.client.call(request).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			long took = System.nanoTime() - start;
			if (!request.equals(reply)) {
				errors++;
			}
			if (n == nanos.length) {
				nanos = Arrays.copyOf(nanos, n * 2);
			}
			nanos[n++] = took;
		}
		long[] sorted = Arrays.copyOf(nanos, n);
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		return String.format(Locale.ROOT,
				"{\"calls\":%d,\"p50Nanos\":%d,\"p99Nanos\":%d,\"p999Nanos\":%d,\"maxNanos\":%d,\"meanNanos\":%.0f,\"errors\":%d}",
				n, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999), sorted[n - 1], mean,
				errors);
	}

	/**
	 * Nearest-rank percentile of sorted samples.
	 */
	private static long percentile(long[] sorted, double quantile) {
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	private Window throughput(int inFlight, double seconds) throws InterruptedException {
		long start = System.nanoTime();
		Run run = new Run(start + (long) (seconds * 1e9), inFlight);
		for (int i = 0; i < inFlight; i++) {
			run.next();
		}
		if (!run.drained.await(CALL_TIMEOUT_SECONDS + (long) seconds, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Calls still in flight " + CALL_TIMEOUT_SECONDS + " s after the window");
		}
		Throwable failure = run.firstFailure.get();
		if (failure != null) {
			failure.printStackTrace();
		}
		return new Window(run.inWindow.sum(), run.completed.sum(), run.errors.sum(), run.deadline - start);
	}

	/**
	 * One load window: each of the in-flight chains sends its next call as soon as the
	 * previous one completes, until the deadline; calls completed after it are drained
	 * and counted apart.
	 */
	private final class Run {

		final long deadline;

		final LongAdder inWindow = new LongAdder();

		final LongAdder completed = new LongAdder();

		final LongAdder errors = new LongAdder();

		final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

		final CountDownLatch drained;

		Run(long deadline, int inFlight) {
			this.deadline = deadline;
			this.drained = new CountDownLatch(inFlight);
		}

		void next() {
			while (System.nanoTime() < this.deadline) {
				EchoMessage request = EchoMessage.of(LoadDriver.this.sequence.getAndIncrement());
				CompletableFuture<EchoMessage> call;
				try {
					call = LoadDriver.this.client.call(request);
				}
				catch (RuntimeException ex) {
					call = CompletableFuture.failedFuture(ex);
				}
				if (!call.isDone()) {
					call.whenComplete((reply, failure) -> {
						record(request, reply, failure);
						next();
					});
					return;
				}
				// completed at once: loop rather than recurse
				call.whenComplete((reply, failure) -> record(request, reply, failure));
			}
			this.drained.countDown();
		}

		void record(EchoMessage request, EchoMessage reply, Throwable failure) {
			this.completed.increment();
			if (System.nanoTime() <= this.deadline) {
				this.inWindow.increment();
			}
			if (failure != null || !request.equals(reply)) {
				this.errors.increment();
				if (failure != null) {
					this.firstFailure.compareAndSet(null, failure);
				}
			}
		}

	}

	/**
	 * What one load window did.
	 */
	private record Window(long inWindow, long completed, long errors, long nanos) {

		double rate() {
			return this.inWindow * 1e9 / this.nanos;
		}

		String toJson() {
			return String.format(Locale.ROOT,
					"{\"requests\":%d,\"completed\":%d,\"errors\":%d,\"nanos\":%d,\"perSecond\":%.1f}", this.inWindow,
					this.completed, this.errors, this.nanos, rate());
		}

	}

}
