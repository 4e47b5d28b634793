/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.litemesh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.NonBlocking;
import io.litemesh.Target;
import io.litemesh.benchmarks.driver.BenchmarkTls;
import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import io.litemesh.observation.MeshObservations;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.view.NodeStatus;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * LiteMesh through its public API only, default settings but for loopback ports: a server
 * node offering the {@code echo} service, a relay node offering nothing, and a client
 * node calling {@code echo} on the server with {@link MeshTemplate}. Options:
 * <ul>
 * <li>{@code seed=<address>}: the address to join through (the server's, or the
 * relay's);</li>
 * <li>{@code outbound-only=true}: no listening port ({@code tcpPort(-1)}); two such nodes
 * seeded only to a relay reach each other through it, which forces the relayed path;</li>
 * <li>{@code hops=<n>}: how many hops the client must see to the server before it reports
 * ready;</li>
 * <li>{@code endpoint=worker}: serve with a plain echo, which LiteMesh hands to a worker
 * thread, instead of the {@code @NonBlocking} one;</li>
 * <li>{@code observed=true}: observe every call ({@code litemesh.client.requests},
 * {@code litemesh.server.requests}) into Micrometer timers, as Spring Boot's defaults
 * do;</li>
 * <li>{@code tls=<key store>}: mutual TLS with the key pair of {@link BenchmarkTls}
 * ({@code litemesh.tcp.ssl.client-auth=need}).</li>
 * </ul>
 *
 * @author LiteMesh team
 */
public class LiteMeshSystem implements EchoSystem {

	static final String CLUSTER = "bench";

	static final String SERVER = "server";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	@Override
	public String startServer(Map<String, String> options) throws Exception {
		MeshNode node = node(SERVER, options);
		boolean worker = "worker".equals(options.get("endpoint"));
		node.registerService("echo", "", Map.of(), worker ? new EchoService() : new NonBlockingEchoService());
		node.start();
		return String.join(",", node.addresses());
	}

	@Override
	public String startRelay(Map<String, String> options) throws Exception {
		MeshNode node = node("relay", options).start();
		return String.join(",", node.addresses());
	}

	@Override
	public EchoClient connect(Map<String, String> options) throws Exception {
		MeshNode node = node("client", options).start();
		int hops = Integer.parseInt(options.getOrDefault("hops", "1"));
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (node.snapshot()
			.nodes()
			.stream()
			.noneMatch((view) -> view.id().equals(SERVER) && view.status() == NodeStatus.UP && view.hops() == hops)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No route of " + hops + " hop(s) to the server: " + node.snapshot());
			}
			Thread.sleep(10);
		}
		MeshTemplate template = new MeshTemplate(node);
		Target target = Target.unicast(SERVER, "echo");
		return (request) -> template.request(target, "echo", request, EchoMessage.class).toFuture();
	}

	private MeshNode node(String nodeId, Map<String, String> options) throws Exception {
		boolean outboundOnly = Boolean.parseBoolean(options.getOrDefault("outbound-only", "false"));
		MeshNode.Builder builder = MeshNode.builder()
			.nodeId(nodeId)
			.cluster(CLUSTER)
			.tcpPort(outboundOnly ? -1 : 0)
			.bindAddress("127.0.0.1");
		String seed = options.get("seed");
		if (seed != null) {
			builder.seeds(List.of(seed.split(",")));
		}
		String keyStore = options.get("tls");
		if (keyStore != null) {
			BenchmarkTls tls = BenchmarkTls.load(Path.of(keyStore));
			builder
				.tls(new TcpTls(new TcpTls.Material(tls.keyManagers(), tls.trustManagers()), TcpTls.ClientAuth.NEED));
		}
		if (Boolean.parseBoolean(options.getOrDefault("observed", "false"))) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			builder.observations(new MeshObservations(registry, null, null));
		}
		return builder.build();
	}

	/**
	 * The echo service as an endpoint that only computes would be written: it runs on the
	 * thread that received the call, as raw rsocket-java's and ScaleCube's do.
	 */
	@NonBlocking
	public static class NonBlockingEchoService extends EchoService {

	}

	/**
	 * The echo service: Jackson reads the request into an {@link EchoMessage} and writes
	 * the reply from it. A plain method that may block, so LiteMesh runs it on a worker
	 * thread.
	 */
	public static class EchoService {

		/**
		 * Echo the message.
		 * @param message the message
		 * @return the same message
		 */
		public EchoMessage echo(EchoMessage message) {
			return message;
		}

	}

}
