/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.litemesh;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;
import io.litemesh.MeshNode;
import io.litemesh.MeshReply;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.view.NodeStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a broadcast costs the node that makes it: an origin node in this JVM against ten
 * providers of {@code echo} in a second JVM (default settings, so each node keeps at most
 * 8 links and the broadcast goes down the shortest-path tree). Measures, per call at the
 * origin, the frames it sent (from its statistics) and the CPU time of its whole process,
 * for {@code requestAll} and {@code send} to the broadcast target against the same work
 * as ten unicasts. A benchmark, not a test; run it after building the module with
 * {@code java -cp "litemesh-benchmarks/target/classes:$(cat litemesh-benchmarks/target/classpath.txt)" io.litemesh.benchmarks.litemesh.FanOutBenchmark}.
 *
 * @author LiteMesh team
 */
public final class FanOutBenchmark {

	private static final int PROVIDERS = 10;

	private static final int WARMUP = 5_000;

	private static final int CALLS = 5_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private FanOutBenchmark() {
	}

	/**
	 * Run the origin (no argument) or the providers ({@code providers}).
	 * @param args none, or {@code providers}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("providers")) {
			providers();
			return;
		}
		Process providers = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp",
				System.getProperty("java.class.path"), FanOutBenchmark.class.getName(), "providers")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(providers.getInputStream(), StandardCharsets.UTF_8))) {
			String seed = out.readLine();
			if (seed == null) {
				throw new IllegalStateException("The providers' JVM ended before it was ready");
			}
			origin(seed);
		}
		finally {
			providers.destroy();
		}
	}

	private static void providers() throws InterruptedException {
		List<MeshNode> nodes = new ArrayList<>();
		MeshNode first = null;
		for (int i = 0; i < PROVIDERS; i++) {
			MeshNode.Builder builder = MeshNode.builder()
				.nodeId(String.format("provider-%02d", i))
				.cluster("fan-out")
				.tcpPort(0)
				.bindAddress("127.0.0.1");
			if (first != null) {
				builder.seeds(first.addresses());
			}
			MeshNode node = builder.build();
			node.registerService("echo", "", Map.of(), new LiteMeshSystem.NonBlockingEchoService());
			node.start();
			nodes.add(node);
			first = (first != null) ? first : node;
		}
		System.out.println(String.join(",", first.addresses()));
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	private static void origin(String seed) {
		MeshNode origin = MeshNode.builder()
			.nodeId("origin")
			.cluster("fan-out")
			.tcpPort(0)
			.bindAddress("127.0.0.1")
			.seeds(List.of(seed.split(",")))
			.build()
			.start();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (origin.snapshot()
			.nodes()
			.stream()
			.filter((node) -> node.status() == NodeStatus.UP && node.id().startsWith("provider-"))
			.count() < PROVIDERS) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not every provider is up: " + origin.snapshot());
			}
			Thread.onSpinWait();
		}
		MeshTemplate mesh = new MeshTemplate(origin);
		EchoMessage message = EchoMessage.of(1);
		Target broadcast = Target.broadcast("echo");
		List<Target> unicasts = new ArrayList<>();
		for (int i = 0; i < PROVIDERS; i++) {
			unicasts.add(Target.unicast(String.format("provider-%02d", i), "echo"));
		}
		Supplier<Mono<?>> requestAll = () -> mesh.requestAll(broadcast, "echo", message, EchoMessage.class)
			.map(MeshReply::value)
			.count();
		Supplier<Mono<?>> tenRequests = () -> Flux.fromIterable(unicasts)
			.flatMap((target) -> mesh.request(target, "echo", message, EchoMessage.class))
			.count();
		Supplier<Mono<?>> send = () -> mesh.send(broadcast, "echo", message);
		Supplier<Mono<?>> tenSends = () -> Flux.fromIterable(unicasts)
			.flatMap((target) -> mesh.send(target, "echo", message))
			.then();
		System.out.printf("%-36s %16s %16s %16s%n", "per call at the origin", "frames sent", "CPU (process)", "wall");
		for (int round = 0; round < 4; round++) {
			boolean measured = round > 0;
			measure("requestAll, broadcast target", requestAll, origin, measured);
			measure("10 x request, unicast targets", tenRequests, origin, measured);
			measure("send, broadcast target", send, origin, measured);
			measure("10 x send, unicast targets", tenSends, origin, measured);
		}
		long links = origin.snapshot()
			.links()
			.stream()
			.filter((link) -> link.from().equals("origin") || link.to().equals("origin"))
			.count();
		System.out.printf("the origin held %d links at the end; %d providers%n", links, PROVIDERS);
		origin.stop();
	}

	private static void measure(String name, Supplier<Mono<?>> call, MeshNode origin, boolean print) {
		int calls = print ? CALLS : WARMUP;
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long sent = origin.health().messagesSent();
		long cpu = os.getProcessCpuTime();
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			call.get().block(TIMEOUT);
		}
		long wall = System.nanoTime() - start;
		if (print) {
			System.out.printf("%-36s %16.2f %13.1f us %13.1f us%n", name,
					(origin.health().messagesSent() - sent) / (double) calls,
					(os.getProcessCpuTime() - cpu) / 1e3 / calls, wall / 1e3 / calls);
		}
	}

}
