/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * The medians over rounds, the ratios to the baselines and their rendering: the results
 * file (every round and the medians) and the Markdown tables of
 * {@code docs/performance.md}.
 *
 * @author LiteMesh team
 */
final class Report {

	private final RunnerOptions options;

	private final List<Scenario> scenarios;

	private final List<RoundResult> rounds;

	private final Map<String, Summary> summaries = new LinkedHashMap<>();

	Report(RunnerOptions options, List<Scenario> scenarios, List<RoundResult> rounds) {
		this.options = options;
		this.scenarios = scenarios;
		this.rounds = rounds;
		for (Scenario scenario : scenarios) {
			List<RoundResult> ok = rounds.stream()
				.filter((round) -> round.scenario().equals(scenario.name()) && round.ok())
				.toList();
			if (!ok.isEmpty()) {
				this.summaries.put(scenario.name(), Summary.of(scenario, ok));
			}
		}
	}

	String json(JsonMapper mapper) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("time", OffsetDateTime.now().toString());
		document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
		document.put("options", this.options);
		document.put("medians", this.summaries);
		document.put("rounds", this.rounds);
		return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Medians of %d round(s); throughput at %d in flight, latency at 1 in flight, %s s per phase.%n%n",
				this.options.rounds(), this.options.inFlight(), trim(this.options.seconds())));
		table(out, "direct", "raw", "raw rsocket-java");
		table(out, "relay", "raw-relay", "raw relay");
		table(out, "tls", "raw-tls", "raw rsocket-java over TLS");
		table(out, "tls-openssl", "raw-tls-openssl", "raw rsocket-java over TLS with OpenSSL");
		out.append("| system | CPU per request: client | server | relay |\n| --- | --- | --- | --- |\n");
		for (Summary summary : this.summaries.values()) {
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", summary.label(),
					micros(summary.cpuByRole().get("client")), micros(summary.cpuByRole().get("server")),
					micros(summary.cpuByRole().get("relay"))));
		}
		long failed = this.rounds.stream().filter((round) -> !round.ok()).count();
		if (failed > 0) {
			out.append(String.format("%n%d round(s) failed, see the results file.%n", failed));
		}
		return out.toString();
	}

	private void table(StringBuilder out, String group, String baselineName, String baselineLabel) {
		List<Summary> rows = this.scenarios.stream()
			.filter((scenario) -> scenario.group().equals(group))
			.map((scenario) -> this.summaries.get(scenario.name()))
			.filter((summary) -> summary != null)
			.toList();
		if (rows.isEmpty()) {
			return;
		}
		Summary baseline = this.summaries.get(baselineName);
		out.append(String
			.format("| system | throughput | vs %1$s | CPU per request | vs %1$s | p50 at 1 in flight (vs %1$s) "
					+ "| p99 | p99.9 | throughput min-max over rounds |%n", baselineLabel));
		out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (Summary row : rows) {
			out.append(String.format(Locale.ROOT,
					"| %s | %,.0f/s | %s | %s | %s | %s (%s) | %s | %s | %,.0f-%,.0f/s |%n", row.label(),
					row.throughput(), ratio(row, baseline, Summary::throughput), micros(row.cpuPerRequest()),
					ratio(row, baseline, Summary::cpuPerRequest), micros(row.p50()), ratio(row, baseline, Summary::p50),
					micros(row.p99()), micros(row.p999()), row.throughputMin(), row.throughputMax()));
		}
		out.append('\n');
	}

	private static String ratio(Summary row, Summary baseline, ToDoubleFunction<Summary> figure) {
		if (baseline == null || figure.applyAsDouble(baseline) == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "x%.2f", figure.applyAsDouble(row) / figure.applyAsDouble(baseline));
	}

	private static String micros(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f us", value) : "-";
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/**
	 * The medians of one system over the rounds that did not fail.
	 *
	 * @param label the system's name in the tables
	 * @param rounds rounds that did not fail
	 * @param throughput requests per second
	 * @param throughputMin lowest throughput of a round
	 * @param throughputMax highest throughput of a round
	 * @param cpuPerRequest CPU microseconds per request, all processes
	 * @param cpuByRole CPU microseconds per request, per process
	 * @param p50 median latency at 1 in flight, microseconds
	 * @param p99 99th percentile, microseconds
	 * @param p999 99.9th percentile, microseconds
	 */
	record Summary(String label, int rounds, double throughput, double throughputMin, double throughputMax,
			double cpuPerRequest, Map<String, Double> cpuByRole, double p50, double p99, double p999) {

		static Summary of(Scenario scenario, List<RoundResult> rounds) {
			Map<String, Double> byRole = new LinkedHashMap<>();
			for (Scenario.Launch launch : scenario.launches()) {
				byRole.put(launch.role(),
						median(rounds, (round) -> round.cpuMicrosPerRequestByRole().getOrDefault(launch.role(), 0.0)));
			}
			return new Summary(scenario.label(), rounds.size(), median(rounds, RoundResult::throughput),
					rounds.stream().mapToDouble(RoundResult::throughput).min().orElse(0),
					rounds.stream().mapToDouble(RoundResult::throughput).max().orElse(0),
					median(rounds, RoundResult::cpuMicrosPerRequest), byRole, median(rounds, RoundResult::p50Micros),
					median(rounds, RoundResult::p99Micros), median(rounds, RoundResult::p999Micros));
		}

		private static double median(List<RoundResult> rounds, ToDoubleFunction<RoundResult> figure) {
			double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
			int middle = values.length / 2;
			return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		}

	}

}
