/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner's command-line options, with the defaults of a full run.
 *
 * @param rounds rounds, each running every selected system once
 * @param seconds length of the latency phase and of the throughput phase, in seconds
 * @param inFlight requests in flight in the warm-up and throughput phases
 * @param warmupWindowMillis length of one warm-up window
 * @param warmupTolerancePercent how close two consecutive windows must be to end the
 * warm-up
 * @param warmupMinWindows fewest warm-up windows
 * @param warmupCapSeconds longest warm-up
 * @param systems the scenarios (or groups) to run
 * @param jvmArgs arguments of every child JVM
 * @param liteMeshOptions extra {@code key=value} options of every LiteMesh process
 * @param home the module's directory (where {@code target/} is)
 * @author LiteMesh team
 */
public record RunnerOptions(int rounds, double seconds, int inFlight, long warmupWindowMillis,
		double warmupTolerancePercent, int warmupMinWindows, long warmupCapSeconds, List<String> systems,
		List<String> jvmArgs, List<String> liteMeshOptions, Path home) {

	/** The name that selects the PostgreSQL scenarios. */
	static final String JDBC = "jdbc";

	static final String USAGE = """
			usage: run.sh [--rounds 5] [--seconds 10] [--in-flight 64] [--systems all|direct|relay|tls|tls-openssl|jdbc|<name>,...]
			              [--warmup-cap 60] [--warmup-window-ms 1000] [--warmup-tolerance 5] [--warmup-min 15]
			              [--jvm-args "-Xms1g -Xmx1g"] [--litemesh key=value]...
			systems: raw, litemesh, webflux, jgroups, scalecube, raw-relay, litemesh-relayed, raw-tls, litemesh-tls,
			  raw-tls-openssl, litemesh-tls-openssl""";

	/**
	 * Parse the command line.
	 * @param args the arguments
	 * @return the options
	 */
	public static RunnerOptions parse(String... args) {
		int rounds = 5;
		double seconds = 10;
		int inFlight = 64;
		long window = 1000;
		double tolerance = 5;
		// a JIT still compiling can hold a plateau for seconds: LiteMesh, the larger code
		// path,
		// settled early at two thirds of its speed in a first full run with 5
		int minWindows = 15;
		long cap = 60;
		List<String> systems = List.of("all");
		List<String> jvmArgs = List.of("-Xms1g", "-Xmx1g");
		List<String> liteMesh = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--rounds" -> rounds = Integer.parseInt(value);
				case "--seconds" -> seconds = Double.parseDouble(value);
				case "--in-flight" -> inFlight = Integer.parseInt(value);
				case "--warmup-window-ms" -> window = Long.parseLong(value);
				case "--warmup-tolerance" -> tolerance = Double.parseDouble(value);
				case "--warmup-min" -> minWindows = Integer.parseInt(value);
				case "--warmup-cap" -> cap = Long.parseLong(value);
				case "--systems" -> systems = Arrays.asList(value.split(","));
				case "--jvm-args" -> jvmArgs = Arrays.asList(value.trim().split("\\s+"));
				case "--litemesh" -> liteMesh.add(value);
				default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'\n" + USAGE);
			}
			i++;
		}
		Path home = Path.of(System.getProperty("litemesh.benchmarks.home", "."));
		return new RunnerOptions(rounds, seconds, inFlight, window, tolerance, minWindows, cap, systems, jvmArgs,
				liteMesh, home);
	}

	/**
	 * Return whether the PostgreSQL scenarios run (after the rounds of the others).
	 * @return whether {@code jdbc} or {@code all} was selected
	 */
	public boolean runsJdbc() {
		return this.systems.contains("all") || this.systems.contains(JDBC);
	}

	/**
	 * Return the selected scenarios, in round order.
	 * @return the scenarios
	 */
	public List<Scenario> scenarios() {
		List<Scenario> selected = Scenario.all()
			.stream()
			.filter((scenario) -> this.systems.contains("all") || this.systems.contains(scenario.name())
					|| this.systems.contains(scenario.group()))
			.toList();
		for (String name : this.systems) {
			boolean known = name.equals("all") || name.equals(JDBC)
					|| Scenario.all()
						.stream()
						.anyMatch((scenario) -> scenario.name().equals(name) || scenario.group().equals(name));
			if (!known) {
				throw new IllegalArgumentException("Unknown system '" + name + "'\n" + USAGE);
			}
		}
		return selected;
	}

}
