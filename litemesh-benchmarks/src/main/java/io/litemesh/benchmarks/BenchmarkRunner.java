/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.litemesh.benchmarks.driver.BenchmarkTls;
import io.litemesh.benchmarks.jdbc.JdbcRequestResponseBenchmark;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the side-by-side benchmark: every selected system in JVMs of its own on loopback
 * (client and server, plus a relay for the relayed scenarios), in interleaved rounds; per
 * system and round a warm-up until throughput settles, latency at 1 in flight, throughput
 * at 64 in flight and the CPU time of every process over the throughput phase. Writes
 * every round and the medians to {@code target/results-<time>.json} and prints the tables
 * of {@code docs/performance.md}. Start it with {@code litemesh-benchmarks/run.sh} after
 * a build (see there).
 *
 * @author LiteMesh team
 */
public final class BenchmarkRunner {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	/**
	 * {@code @n} in a launch's option: what launch {@code n} printed after {@code READY}.
	 */
	private static final Pattern READY_REFERENCE = Pattern.compile("@(\\d)");

	private final RunnerOptions options;

	private final Map<String, String> classpaths = new LinkedHashMap<>();

	private final Path logs;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private BenchmarkRunner(RunnerOptions options, Path logs) {
		this.options = options;
		this.logs = logs;
	}

	/**
	 * Run the benchmark.
	 * @param args see {@link RunnerOptions#USAGE}
	 * @throws Exception if the results cannot be written
	 */
	public static void main(String[] args) throws Exception {
		RunnerOptions options = RunnerOptions.parse(args);
		List<Scenario> scenarios = options.scenarios();
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path target = options.home().resolve("target");
		Path logs = Files.createDirectories(target.resolve("bench-logs").resolve(stamp));
		BenchmarkRunner runner = new BenchmarkRunner(options, logs);
		if (scenarios.stream().anyMatch((scenario) -> scenario.group().startsWith("tls"))) {
			BenchmarkTls.keyStore(target);
		}
		List<RoundResult> results = new ArrayList<>();
		for (int round = 1; round <= options.rounds(); round++) {
			for (Scenario scenario : scenarios) {
				RoundResult result = runner.run(scenario, round);
				results.add(result);
				System.out.println(describe(result));
			}
		}
		Report report = new Report(options, scenarios, results);
		Path file = target.resolve("results-" + stamp + ".json");
		Files.writeString(file, report.json(runner.mapper));
		System.out.println();
		System.out.println(report.markdown());
		System.out.println("Results: " + file.toAbsolutePath().normalize() + " (child logs in "
				+ logs.toAbsolutePath().normalize() + ")");
		if (options.runsJdbc()) {
			runner.runJdbc();
		}
	}

	/**
	 * Run the PostgreSQL scenarios in a JVM of their own, their output shown as it comes.
	 */
	private void runJdbc() throws IOException, InterruptedException {
		System.out.println();
		List<String> jvmArgs = new ArrayList<>(this.options.jvmArgs());
		jvmArgs.add("-Dlitemesh.benchmarks.home=" + this.options.home());
		List<String> command = ChildProcess.javaCommand(jvmArgs, classpath("main"),
				JdbcRequestResponseBenchmark.class.getName());
		int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
		if (exit != 0) {
			System.out.println("The PostgreSQL scenarios failed (exit " + exit + "); is PostgreSQL running?");
		}
	}

	private RoundResult run(Scenario scenario, int round) {
		List<ChildProcess> processes = new ArrayList<>();
		try {
			List<String> ready = new ArrayList<>();
			for (Scenario.Launch launch : scenario.launches()) {
				List<String> arguments = new ArrayList<>(List.of(launch.role(), launch.system()));
				for (String option : launch.options()) {
					arguments.add(READY_REFERENCE.matcher(option)
						.replaceAll((match) -> Matcher.quoteReplacement(ready.get(Integer.parseInt(match.group(1))))));
				}
				if (scenario.isLiteMesh()) {
					arguments.addAll(this.options.liteMeshOptions());
				}
				Path log = this.logs.resolve(scenario.name() + "-r" + round + "-" + launch.role() + ".log");
				ChildProcess process = ChildProcess.start(launch.role(), classpath(scenario.classpath()),
						jvmArgs(scenario), arguments, log);
				processes.add(process);
				ready.add(process.awaitReady(READY_TIMEOUT));
			}
			return measure(scenario, round, processes);
		}
		catch (Exception ex) {
			return RoundResult.failed(scenario.name(), round, ex.getMessage());
		}
		finally {
			for (int i = processes.size() - 1; i >= 0; i--) {
				processes.get(i).close();
			}
		}
	}

	private RoundResult measure(Scenario scenario, int round, List<ChildProcess> processes) throws Exception {
		RunnerOptions o = this.options;
		ChildProcess client = processes.get(processes.size() - 1);
		JsonNode warmup = result(client,
				String.format(Locale.ROOT, "warmup %d %d %s %d %d", o.inFlight(), o.warmupWindowMillis(),
						o.warmupTolerancePercent(), o.warmupMinWindows(), o.warmupCapSeconds()),
				Duration.ofSeconds(o.warmupCapSeconds() + 120));
		Duration phaseTimeout = Duration.ofSeconds((long) o.seconds() + 120);
		JsonNode latency = result(client, "latency " + o.seconds(), phaseTimeout);
		long[] cpuBefore = cpu(processes);
		JsonNode throughput = result(client, "throughput " + o.inFlight() + " " + o.seconds(), phaseTimeout);
		long[] cpuAfter = cpu(processes);
		long completed = throughput.get("completed").asLong();
		Map<String, Double> byRole = new LinkedHashMap<>();
		double total = 0;
		for (int i = 0; i < processes.size(); i++) {
			double perRequest = (cpuAfter[i] - cpuBefore[i]) / 1e3 / Math.max(1, completed);
			byRole.put(processes.get(i).role(), perRequest);
			total += perRequest;
		}
		List<Double> windows = new ArrayList<>();
		warmup.get("windows").forEach((window) -> windows.add(window.asDouble()));
		long errors = warmup.get("errors").asLong() + latency.get("errors").asLong()
				+ throughput.get("errors").asLong();
		return new RoundResult(scenario.name(), round, warmup.get("settled").asBoolean(), windows,
				latency.get("calls").asLong(), latency.get("p50Nanos").asLong() / 1e3,
				latency.get("p99Nanos").asLong() / 1e3, latency.get("p999Nanos").asLong() / 1e3,
				throughput.get("perSecond").asDouble(), throughput.get("requests").asLong(), total, byRole, errors,
				null);
	}

	private JsonNode result(ChildProcess client, String command, Duration timeout) throws Exception {
		return this.mapper.readTree(client.command(command, timeout));
	}

	private static long[] cpu(List<ChildProcess> processes) {
		long[] nanos = new long[processes.size()];
		for (int i = 0; i < nanos.length; i++) {
			nanos[i] = processes.get(i).cpuNanos();
		}
		return nanos;
	}

	private List<String> jvmArgs(Scenario scenario) {
		List<String> args = new ArrayList<>(this.options.jvmArgs());
		if (scenario.name().equals("jgroups")) {
			// as JGroups recommends
			args.add("-Djava.net.preferIPv4Stack=true");
		}
		return args;
	}

	/**
	 * The classpath file the module's build writes, with the module's classes in front.
	 */
	private String classpath(String which) throws IOException {
		String known = this.classpaths.get(which);
		if (known != null) {
			return known;
		}
		Path module = which.equals("main") ? this.options.home() : this.options.home().resolve(which);
		Path file = module.resolve("target/classpath.txt");
		if (!Files.exists(file)) {
			throw new IllegalStateException(file + " is missing: build first with "
					+ "./mvnw -q -pl litemesh-benchmarks -am package -DskipTests");
		}
		String classpath = module.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(file).trim();
		this.classpaths.put(which, classpath);
		return classpath;
	}

	private static String describe(RoundResult result) {
		if (!result.ok()) {
			return String.format("round %d %-18s FAILED: %s", result.round(), result.scenario(), result.failure());
		}
		return String.format(Locale.ROOT,
				"round %d %-18s %9.0f req/s  %6.1f us CPU/req  p50 %7.1f us  p99 %7.1f us  p99.9 %7.1f us"
						+ "  warm-up %d windows%s%s",
				result.round(), result.scenario(), result.throughput(), result.cpuMicrosPerRequest(),
				result.p50Micros(), result.p99Micros(), result.p999Micros(), result.warmupWindows().size(),
				result.warmupSettled() ? "" : " (not settled)",
				(result.errors() > 0) ? "  ERRORS " + result.errors() : "");
	}

}
