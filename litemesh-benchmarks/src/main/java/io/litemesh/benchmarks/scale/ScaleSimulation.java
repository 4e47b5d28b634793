/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.litemesh.MeshNode;
import io.litemesh.transport.memory.MemoryNetwork;
import io.litemesh.view.NodeStatistics;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How membership and routing cost grow with the mesh: runs the real membership, flooding
 * and route computation of 100, 300 and 1,000 nodes in this JVM over in-memory links
 * ({@code max-links} 8, no TCP), and measures a cold start, one join, one graceful leave
 * and one crash (time to converge, membership messages and bytes, graph changes and route
 * computations), the graph the nodes built (links per node, diameter), the heap per node,
 * and at 300 nodes a rolling restart. A benchmark, not a test: run it after building the
 * module with
 * {@code java -Xmx8g -cp "litemesh-benchmarks/target/classes:$(cat litemesh-benchmarks/target/classpath.txt)" io.litemesh.benchmarks.scale.ScaleSimulation [sizes...]}
 * (add {@code -Dlitemesh.internal.hold-ms=0} to measure without coalescing, and
 * {@code -Dbench.wave=100} to start the nodes a hundred at a time, each wave joining a
 * converged mesh, rather than all at once).
 * <p>
 * Periodic refreshes are set to 10 minutes so they do not blur the figures of one change:
 * a refresh floods one advertisement, the same cost as a change measured here, and causes
 * no route computation. Keepalive pings run every 5 s for the same reason.
 *
 * @author LiteMesh team
 */
public final class ScaleSimulation {

	private static final int MAX_LINKS = 8;

	/** How long each step may take to converge: {@code -Dbench.converge-minutes}. */
	private static final Duration CONVERGE = Duration.ofMinutes(Long.getLong("bench.converge-minutes", 5));

	private final int size;

	private final MemoryNetwork network;

	private final List<MeshNode> nodes = new ArrayList<>();

	/** What stopped nodes counted, so the totals keep it. */
	private final Totals gone = new Totals();

	private final int wave;

	private ScaleSimulation(int size, int wave) {
		this.size = size;
		this.wave = wave;
		this.network = new MemoryNetwork("sim-" + size, 2);
	}

	/**
	 * Run the simulation at the given sizes and write the figures as JSON.
	 * @param args the sizes, default {@code 100 300 1000}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String arg : args) {
			sizes.add(Integer.parseInt(arg));
		}
		if (sizes.isEmpty()) {
			sizes = List.of(100, 300, 1000);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("date", LocalDate.now().toString());
		results.put("maxLinks", MAX_LINKS);
		results.put("holdMs", System.getProperty("litemesh.internal.hold-ms", "50 (routes), 100 (own advertisements)"));
		results.put("cores", Runtime.getRuntime().availableProcessors());
		int wave = Integer.getInteger("bench.wave", Integer.MAX_VALUE);
		results.put("coldStartWave", (wave == Integer.MAX_VALUE) ? "all at once" : wave + " nodes at a time");
		List<Map<String, Object>> runs = new ArrayList<>();
		results.put("runs", runs);
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Path out = Path.of(System.getProperty("bench.output", "scale-" + LocalDate.now() + ".json"));
		for (int size : sizes) {
			ScaleSimulation simulation = new ScaleSimulation(size, wave);
			try {
				runs.add(simulation.run(size == 300));
			}
			finally {
				simulation.close();
			}
			// written after every size, so a larger one that fails keeps the others
			Files.writeString(out, mapper.writeValueAsString(results));
			System.out.println("Figures written to " + out.toAbsolutePath());
			System.gc();
		}
	}

	private Map<String, Object> run(boolean rollingRestart) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("nodes", this.size);
		long heapBefore = usedHeap();
		Totals before = totals();
		long started = System.nanoTime();
		for (int i = 0; i < this.size; i++) {
			start(id(i));
			if ((i + 1) % this.wave == 0 && i + 1 < this.size) {
				awaitConverged(i + 1);
			}
		}
		long launched = System.nanoTime();
		awaitConverged(this.size);
		long converged = System.nanoTime();
		Totals cold = totals().minus(before);
		run.put("coldStart",
				Map.of("launchMs", millis(launched - started), "convergedMs", millis(converged - started),
						"messagesPerNode", cold.messages / this.size, "kilobytesPerNode", cold.bytes / 1024 / this.size,
						"routeComputationsPerNode", cold.computations / this.size, "graphChangesPerNode",
						cold.changes / this.size));
		awaitQuiet();
		run.put("heapPerNodeKb", (usedHeap() - heapBefore) / 1024 / this.size);
		run.put("graph", Graphs.describe(this.nodes.get(0).snapshot()));
		run.put("join", change("join", () -> start("joiner"), this.size + 1));
		run.put("leave", change("leave", () -> retire(node("joiner")), this.size));
		run.put("crash", change("crash", this::crashOne, this.size - 1));
		if (rollingRestart) {
			run.put("rollingRestart", rollingRestart());
		}
		System.out.println("n=" + this.size + ": " + run);
		return run;
	}

	private void crashOne() {
		MeshNode victim = this.nodes.get(this.nodes.size() / 2);
		this.network.isolate(victim.nodeId());
		retire(victim);
	}

	private Map<String, Object> change(String name, Runnable change, int expectedNodes) {
		awaitQuiet();
		Totals before = totals();
		long started = System.nanoTime();
		change.run();
		awaitConverged(expectedNodes);
		long converged = System.nanoTime();
		awaitQuiet();
		Totals cost = totals().minus(before);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("convergedMs", millis(converged - started));
		figures.put("messages", cost.messages);
		figures.put("kilobytes", cost.bytes / 1024);
		figures.put("graphChanges", cost.changes);
		figures.put("routeComputations", cost.computations);
		figures.put("routeComputationsPerNode", (double) cost.computations / this.nodes.size());
		System.out.println("n=" + this.size + " " + name + ": " + figures);
		return figures;
	}

	private Map<String, Object> rollingRestart() {
		awaitQuiet();
		Totals before = totals();
		long started = System.nanoTime();
		List<String> ids = this.nodes.stream().map(MeshNode::nodeId).toList();
		for (String id : ids) {
			retire(node(id));
			start(id);
			awaitConverged(ids.size());
		}
		long done = System.nanoTime();
		awaitQuiet();
		Totals cost = totals().minus(before);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("restarts", ids.size());
		figures.put("durationMs", millis(done - started));
		figures.put("graphChangesPerNode", (double) cost.changes / ids.size());
		figures.put("routeComputationsPerNode", (double) cost.computations / ids.size());
		figures.put("messagesPerNode", cost.messages / ids.size());
		System.out.println("n=" + this.size + " rolling restart: " + figures);
		return figures;
	}

	private MeshNode start(String id) {
		MeshNode node = MeshNode.builder()
			.nodeId(id)
			.cluster("sim")
			.tcpEnabled(false)
			.memoryNetwork(this.network)
			.maxLinks(MAX_LINKS)
			.advertiseInterval(Duration.ofMinutes(10))
			.advertisementTtl(Duration.ofMinutes(40))
			.keepAlive(Duration.ofSeconds(5), Duration.ofSeconds(20))
			.build();
		this.nodes.add(node);
		return node.start();
	}

	private void retire(MeshNode node) {
		node.stop();
		this.nodes.remove(node);
		this.gone.add(node.statistics());
	}

	private MeshNode node(String id) {
		return this.nodes.stream().filter((node) -> node.nodeId().equals(id)).findFirst().orElseThrow();
	}

	private static String id(int i) {
		return "n" + i;
	}

	private void awaitConverged(int expectedNodes) {
		long deadline = System.nanoTime() + CONVERGE.toNanos();
		Predicate<MeshNode> sees = (node) -> node.statistics().peersReachable() == expectedNodes - 1;
		while (!this.nodes.stream().allMatch(sees)) {
			if (System.nanoTime() > deadline) {
				long behind = this.nodes.stream().filter(sees.negate()).count();
				throw new IllegalStateException(behind + " of " + this.nodes.size() + " nodes did not see "
						+ expectedNodes + " nodes within " + CONVERGE);
			}
			pause(20);
		}
	}

	/**
	 * Wait until no membership message was sent for half a second: the change has settled
	 * everywhere, including the routes computed at the end of a hold time.
	 */
	private void awaitQuiet() {
		long last = -1;
		while (true) {
			Totals totals = totals();
			long now = totals.messages + totals.computations;
			if (now == last) {
				return;
			}
			last = now;
			pause(500);
		}
	}

	private Totals totals() {
		Totals totals = new Totals();
		for (MeshNode node : this.nodes) {
			totals.add(node.statistics());
		}
		return totals.plus(this.gone);
	}

	private static long usedHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			pause(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long millis(long nanos) {
		return Duration.ofNanos(nanos).toMillis();
	}

	private void close() {
		for (MeshNode node : this.nodes) {
			node.stop();
		}
		this.network.close();
	}

	private static final class Totals {

		private long messages;

		private long bytes;

		private long changes;

		private long computations;

		void add(NodeStatistics statistics) {
			this.messages += statistics.membershipMessages();
			this.bytes += statistics.membershipBytes();
			this.changes += statistics.graphChanges();
			this.computations += statistics.routeComputations();
		}

		Totals plus(Totals other) {
			Totals sum = new Totals();
			sum.messages = this.messages + other.messages;
			sum.bytes = this.bytes + other.bytes;
			sum.changes = this.changes + other.changes;
			sum.computations = this.computations + other.computations;
			return sum;
		}

		Totals minus(Totals other) {
			Totals difference = new Totals();
			difference.messages = this.messages - other.messages;
			difference.bytes = this.bytes - other.bytes;
			difference.changes = this.changes - other.changes;
			difference.computations = this.computations - other.computations;
			return difference;
		}

	}

}
