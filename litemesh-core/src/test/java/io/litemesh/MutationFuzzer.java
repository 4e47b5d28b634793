/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.management.ThreadMXBean;

/**
 * A seeded random-mutation fuzzer for the decoders of the wire and the stores: starts
 * from valid inputs the real encoders wrote, stacks byte-level and JSON-aware mutations
 * on them (bit flips, inserts, deletes, truncation, splicing, length fields, huge
 * numbers, deep nesting, invalid UTF-8), and runs a {@link Target} on each case in a
 * worker thread, bounded in time and in the bytes it may allocate. Inputs a decoder
 * accepts join the pool the next cases mutate, a poor man's guidance without coverage
 * instrumentation.
 * <p>
 * Every case derives its randomness from the run's seed and its number, so a run repeats
 * exactly with {@code -Dlitemesh.fuzz.seed=<seed>}; a failure names seed, case and the
 * input in Base64, ready to keep as a regression seed. The build runs a fixed seed per
 * target and at most {@link #DEFAULT_CASES} cases, so it fails on a change, not on luck
 * or on a faster machine reaching cases a slower one never ran;
 * {@code -Dlitemesh.fuzz.seed=random} explores anew. The time budget is
 * {@link #DEFAULT_BUDGET} per target; {@code -Dlitemesh.fuzz.seconds=N} and
 * {@code -Dlitemesh.fuzz.cases=N} fuzz longer.
 * <p>
 * Chosen over Jazzer for the build: Jazzer's JUnit integration resolves and fuzzes here,
 * but outside {@code JAZZER_FUZZ=1} it only replays stored inputs, it fuzzes one test per
 * JVM, and its agent costs some 13 seconds and instruments every class the rest of the
 * test JVM loads.
 *
 * @author LiteMesh team
 */
public final class MutationFuzzer {

	/** System property: seconds to fuzz each target. */
	public static final String SECONDS_PROPERTY = "litemesh.fuzz.seconds";

	/** System property: the seed of the run, to repeat one. */
	public static final String SEED_PROPERTY = "litemesh.fuzz.seed";

	/** System property: the most cases to run per target. */
	public static final String CASES_PROPERTY = "litemesh.fuzz.cases";

	/** How long each target is fuzzed at most by default, so verify stays short. */
	public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

	/**
	 * How many cases each target runs at most by default: a time budget alone let a
	 * faster CI machine run cases no run here had (it found a real defect, and failed a
	 * build that had passed here), so the build runs the same prefix of cases everywhere,
	 * shorter only where the time budget ends first.
	 */
	public static final long DEFAULT_CASES = 15_000;

	/** Longest a single case may take before it counts as a hang. */
	static final Duration CASE_TIMEOUT = Duration.ofSeconds(5);

	/** Largest input a mutation may produce. */
	static final int MAX_INPUT = 64 * 1024;

	/**
	 * Bytes any case may allocate besides {@link #ALLOCATION_PER_BYTE} per input byte.
	 */
	static final long ALLOCATION_BASE = 4L * 1024 * 1024;

	/** Bytes a case may allocate per byte of its input. */
	static final long ALLOCATION_PER_BYTE = 256;

	private static final int MAX_POOL = 512;

	private static final String[] JSON_TOKENS = { "null", "true", "false", "0", "-1", "[]", "{}", "\"\"", "1e999",
			"-1e999", "99999999999999999999999999999", "-9223372036854775809", "2147483648", "1.5", "\"\\u0000\"",
			"\"\\ud800\"", "[null]", "{\"\":null}", "\"x\"", "NaN" };

	private static final int[] SHORTS = { 0, 1, 2, 0x1FF, 0x200, 0x201, 0x1000, 0x1001, 0x7FFF, 0x8000, 0xFFFF };

	private static final byte[] BYTES = { 0, 1, 2, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, '"', '{', '[', ',', ':', '\\',
			'}', ']' };

	private static final byte[][] BAD_UTF8 = { { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			{ (byte) 0xF8 }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xFF, (byte) 0xFE } };

	private MutationFuzzer() {
	}

	/**
	 * What a fuzz test checks of one input.
	 */
	@FunctionalInterface
	public interface Target {

		/**
		 * Run the decoder on the input and check its contract, throwing when it is
		 * broken.
		 * @param input the bytes
		 * @return whether the decoder accepted the input (it then joins the pool)
		 * @throws Exception when the contract is broken
		 */
		boolean check(byte[] input) throws Exception;

	}

	/**
	 * Return the seed of a run: fixed per target by default, so the build checks the same
	 * cases every time and fails only on a change, not on luck; {@code random} explores
	 * anew, a number repeats a run.
	 */
	private static long seed(String name) {
		String configured = System.getProperty(SEED_PROPERTY);
		if (configured == null) {
			return name.hashCode() * 0x9E3779B97F4A7C15L;
		}
		return configured.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(configured);
	}

	/**
	 * Fuzz a target for the configured budget: first the seeds, then mutated cases.
	 * @param name the target, for messages
	 * @param seeds valid inputs and regression inputs; never empty
	 * @param target the check of one case
	 * @return how many cases ran
	 */
	public static long fuzz(String name, List<byte[]> seeds, Target target) {
		long seed = seed(name);
		long nanos = TimeUnit.SECONDS.toNanos(Long.getLong(SECONDS_PROPERTY, DEFAULT_BUDGET.toSeconds()));
		long maxCases = Long.getLong(CASES_PROPERTY, DEFAULT_CASES);
		List<byte[]> pool = new ArrayList<>(seeds);
		ExecutorService worker = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "fuzz-" + name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (byte[] input : seeds) {
				// warms up what decoders build once (Jackson deserializers), unbounded
				run(worker, name, seed, -1, input, target, Long.MAX_VALUE);
			}
			long deadline = System.nanoTime() + nanos;
			long cases = 0;
			while (cases < maxCases && System.nanoTime() < deadline) {
				SplittableRandom random = new SplittableRandom(seed + cases * 0x9E3779B97F4A7C15L);
				byte[] input = mutate(pool, random);
				long allowed = ALLOCATION_BASE + ALLOCATION_PER_BYTE * input.length;
				if (run(worker, name, seed, cases, input, target, allowed)) {
					remember(pool, seeds.size(), input, random);
				}
				cases++;
			}
			System.out.printf("Fuzzed %s: %d cases in %d ms%n", name, cases,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline + nanos));
			return cases;
		}
		finally {
			worker.shutdownNow();
		}
	}

	/**
	 * Return text as UTF-8 bytes, for seeds.
	 * @param text the text
	 * @return the bytes
	 */
	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return a regression seed kept as Base64, as a failure prints it.
	 * @param base64 the input in Base64
	 * @return the bytes
	 */
	public static byte[] base64(String base64) {
		return Base64.getDecoder().decode(base64);
	}

	private static boolean run(ExecutorService worker, String name, long seed, long number, byte[] input, Target target,
			long allowedBytes) {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		Future<long[]> result = worker.submit(() -> {
			long before = threads.getCurrentThreadAllocatedBytes();
			boolean accepted = target.check(input);
			return new long[] { accepted ? 1 : 0, threads.getCurrentThreadAllocatedBytes() - before };
		});
		try {
			long[] outcome = result.get(CASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (outcome[1] > allowedBytes) {
				throw failure(name, seed, number, input, "allocated " + outcome[1] + " bytes, more than " + allowedBytes
						+ " for " + input.length + " bytes of input", null);
			}
			return outcome[0] == 1;
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw failure(name, seed, number, input, "hung for more than " + CASE_TIMEOUT, null);
		}
		catch (ExecutionException ex) {
			throw failure(name, seed, number, input, "broke the contract: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fuzzing " + name, ex);
		}
	}

	private static AssertionError failure(String name, long seed, long number, byte[] input, String what,
			Throwable cause) {
		String printable = new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1)
			.replaceAll("[^\\x20-\\x7e]", "?");
		return new AssertionError(
				"Fuzzing " + name + ": " + ((number < 0) ? "seed input" : "case " + number) + " " + what
						+ "\n  repeat with -D" + SEED_PROPERTY + "=" + seed + "\n  input (" + input.length
						+ " bytes, Base64): " + Base64.getEncoder().encodeToString(input) + "\n  as text: " + printable,
				cause);
	}

	private static void remember(List<byte[]> pool, int fixed, byte[] input, SplittableRandom random) {
		if (pool.size() < MAX_POOL) {
			pool.add(input);
		}
		else {
			// the seeds stay; an accepted input replaces an earlier one
			pool.set(fixed + random.nextInt(MAX_POOL - fixed), input);
		}
	}

	static byte[] mutate(List<byte[]> pool, SplittableRandom random) {
		byte[] input = pool.get(random.nextInt(pool.size()));
		int rounds = 1 + random.nextInt(4);
		for (int i = 0; i < rounds; i++) {
			input = mutateOnce(input, pool, random);
			if (input.length > MAX_INPUT) {
				input = Arrays.copyOf(input, MAX_INPUT);
			}
		}
		return input;
	}

	private static byte[] mutateOnce(byte[] input, List<byte[]> pool, SplittableRandom random) {
		int length = input.length;
		int at = (length > 0) ? random.nextInt(length) : 0;
		switch (random.nextInt(13)) {
			case 0 -> {
				if (length > 0) {
					byte[] copy = input.clone();
					copy[at] ^= (byte) (1 << random.nextInt(8));
					return copy;
				}
				return new byte[] { (byte) random.nextInt(256) };
			}
			case 1 -> {
				byte[] copy = (length > 0) ? input.clone() : new byte[1];
				copy[(length > 0) ? at : 0] = BYTES[random.nextInt(BYTES.length)];
				return copy;
			}
			case 2 -> {
				byte[] inserted = new byte[1 + random.nextInt(16)];
				for (int i = 0; i < inserted.length; i++) {
					inserted[i] = (byte) random.nextInt(256);
				}
				return splice(input, at, at, inserted);
			}
			case 3 -> {
				return splice(input, at, Math.min(length, at + 1 + random.nextInt(32)), new byte[0]);
			}
			case 4 -> {
				return Arrays.copyOf(input, at);
			}
			case 5 -> {
				int end = Math.min(length, at + 1 + random.nextInt(64));
				byte[] chunk = Arrays.copyOfRange(input, at, end);
				int to = (length > 0) ? random.nextInt(length + 1) : 0;
				return splice(input, to, to, chunk);
			}
			case 6 -> {
				byte[] other = pool.get(random.nextInt(pool.size()));
				int from = (other.length > 0) ? random.nextInt(other.length) : 0;
				return splice(input, at, length, Arrays.copyOfRange(other, from, other.length));
			}
			case 7 -> {
				if (length < 2) {
					return input;
				}
				byte[] copy = input.clone();
				int value = SHORTS[random.nextInt(SHORTS.length)];
				int index = random.nextInt(length - 1);
				copy[index] = (byte) (value >>> 8);
				copy[index + 1] = (byte) value;
				return copy;
			}
			case 8 -> {
				byte[] copy = (length > 0) ? input.clone() : new byte[1];
				copy[(length > 0) ? at : 0] += random.nextBoolean() ? 1 : -1;
				return copy;
			}
			case 9 -> {
				return replaceJsonValue(input, random, utf8(JSON_TOKENS[random.nextInt(JSON_TOKENS.length)]));
			}
			case 10 -> {
				int depth = 1 + random.nextInt(random.nextBoolean() ? 64 : 8000);
				String open = random.nextBoolean() ? "[" : "{\"a\":";
				return replaceJsonValue(input, random, utf8(open.repeat(depth)));
			}
			case 11 -> {
				int size = random.nextBoolean() ? 511 + random.nextInt(4) : random.nextInt(20_000);
				return replaceJsonValue(input, random, utf8("\"" + "\u00e9".repeat(size / 2) + "\""));
			}
			default -> {
				return splice(input, at, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
			}
		}
	}

	/**
	 * Replace the JSON value after a random colon, or insert at a random place when there
	 * is none, so most cases stay JSON that reaches the mapping.
	 */
	private static byte[] replaceJsonValue(byte[] input, SplittableRandom random, byte[] value) {
		List<Integer> colons = new ArrayList<>();
		for (int i = 0; i < input.length; i++) {
			if (input[i] == ':') {
				colons.add(i);
			}
		}
		if (colons.isEmpty()) {
			int at = (input.length > 0) ? random.nextInt(input.length + 1) : 0;
			return splice(input, at, at, value);
		}
		int start = colons.get(random.nextInt(colons.size())) + 1;
		int end = start;
		int depth = 0;
		boolean quoted = false;
		while (end < input.length) {
			byte b = input[end];
			if (quoted) {
				if (b == '\\') {
					end++;
				}
				else if (b == '"') {
					quoted = false;
				}
			}
			else if (b == '"') {
				quoted = true;
			}
			else if (b == '[' || b == '{') {
				depth++;
			}
			else if (b == ']' || b == '}' || b == ',') {
				if (depth == 0) {
					break;
				}
				if (b != ',') {
					depth--;
				}
			}
			end++;
		}
		return splice(input, start, Math.min(end, input.length), value);
	}

	private static byte[] splice(byte[] input, int from, int to, byte[] replacement) {
		byte[] result = new byte[input.length - (to - from) + replacement.length];
		System.arraycopy(input, 0, result, 0, from);
		System.arraycopy(replacement, 0, result, from, replacement.length);
		System.arraycopy(input, to, result, from + replacement.length, input.length - to);
		return result;
	}

}
