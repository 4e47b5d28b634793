/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one system did in one round, as written to the results file.
 *
 * @param scenario the scenario's name
 * @param round the round, from 1
 * @param warmupSettled whether the warm-up windows settled before the cap
 * @param warmupWindows requests per second of each warm-up window
 * @param latencyCalls sequential calls measured at 1 in flight
 * @param p50Micros median latency at 1 in flight
 * @param p99Micros 99th percentile at 1 in flight
 * @param p999Micros 99.9th percentile at 1 in flight
 * @param throughput requests per second at the configured number in flight
 * @param throughputRequests requests completed in the throughput window
 * @param cpuMicrosPerRequest CPU time of all the scenario's processes per request in the
 * throughput phase
 * @param cpuMicrosPerRequestByRole the same, per process
 * @param errors failed or wrong replies, all phases
 * @param failure why the round failed, or {@code null}
 * @author LiteMesh team
 */
public record RoundResult(String scenario, int round, boolean warmupSettled, List<Double> warmupWindows,
		long latencyCalls, double p50Micros, double p99Micros, double p999Micros, double throughput,
		long throughputRequests, double cpuMicrosPerRequest, Map<String, Double> cpuMicrosPerRequestByRole, long errors,
		@Nullable String failure) {

	static RoundResult failed(String scenario, int round, String failure) {
		return new RoundResult(scenario, round, false, List.of(), 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, failure);
	}

	boolean ok() {
		return this.failure == null;
	}

}
