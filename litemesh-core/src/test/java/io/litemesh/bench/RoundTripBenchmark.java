/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.NonBlocking;
import io.litemesh.Target;
import io.litemesh.view.NodeStatus;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Mono;

/**
 * Measures LiteMesh request-response on loopback against raw rsocket-java doing the same
 * round trip, in one run, and reports ratios; also the time three nodes take to converge.
 * A benchmark, not a test: run it with
 * {@code ./mvnw -q -pl litemesh-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.litemesh.bench.RoundTripBenchmark}.
 *
 * @author LiteMesh team
 */
public final class RoundTripBenchmark {

	private static final int WARMUP = 20_000;

	private static final int ROUNDS = 20_000;

	private RoundTripBenchmark() {
	}

	/**
	 * The service measured: echoes its payload, on the receiving thread, as the raw
	 * rsocket-java baselines do.
	 */
	@MeshService("echo")
	@NonBlocking
	public static class Echo {

		/**
		 * Echo the text.
		 * @param text the text
		 * @return the same text
		 */
		public String echo(String text) {
			return text;
		}

	}

	public static void main(String[] args) {
		Result raw = rawRSocket();
		long convergeStart = System.nanoTime();
		MeshNode a = MeshNode.builder().nodeId("a").cluster("bench").tcpPort(0).build().start();
		MeshNode b = MeshNode.builder().nodeId("b").cluster("bench").tcpPort(0).seeds(a.addresses()).build();
		b.registerService("echo", "", java.util.Map.of(), new Echo());
		b.start();
		MeshNode c = MeshNode.builder().nodeId("c").cluster("bench").tcpPort(0).seeds(a.addresses()).build().start();
		List<MeshNode> nodes = List.of(a, b, c);
		while (!nodes.stream()
			.allMatch((node) -> node.snapshot()
				.nodes()
				.stream()
				.filter((view) -> view.status() == NodeStatus.UP)
				.count() == 3)) {
			Thread.onSpinWait();
		}
		Duration converge = Duration.ofNanos(System.nanoTime() - convergeStart);
		try {
			MeshTemplate template = new MeshTemplate(a);
			Result remote = measure(() -> template.request(Target.unicast("b", "echo"), "echo", "ping", String.class));
			MeshTemplate local = new MeshTemplate(b);
			Result inProcess = measure(() -> local.request(Target.unicast("b", "echo"), "echo", "ping", String.class));
			Result twoHops = twoHops(a);
			System.out.printf("three nodes converged in %d ms (including server start)%n", converge.toMillis());
			print("raw rsocket-java request-response", raw, raw);
			print("LiteMesh request-response, 1 hop", remote, raw);
			print("LiteMesh request-response, 2 hops (relayed)", twoHops, raw);
			print("LiteMesh request-response, local bean", inProcess, raw);
		}
		finally {
			c.stop();
			b.stop();
			a.stop();
		}
	}

	/**
	 * Two outbound-only nodes that both dial one listener can only reach each other
	 * through it: a forced relay.
	 */
	private static Result twoHops(MeshNode listener) {
		MeshNode server = MeshNode.builder()
			.nodeId("far-server")
			.cluster("bench")
			.tcpPort(-1)
			.seeds(listener.addresses())
			.build();
		server.registerService("echo", "", java.util.Map.of(), new Echo());
		server.start();
		MeshNode client = MeshNode.builder()
			.nodeId("far-client")
			.cluster("bench")
			.tcpPort(-1)
			.seeds(listener.addresses())
			.build()
			.start();
		try {
			MeshTemplate template = new MeshTemplate(client);
			Target target = Target.unicast("far-server", "echo");
			while (client.snapshot()
				.nodes()
				.stream()
				.noneMatch((node) -> node.id().equals("far-server") && node.hops() == 2)) {
				Thread.onSpinWait();
			}
			return measure(() -> template.request(target, "echo", "ping", String.class));
		}
		finally {
			client.stop();
			server.stop();
		}
	}

	private static Result rawRSocket() {
		SocketAcceptor acceptor = SocketAcceptor.forRequestResponse(
				(payload) -> Mono.just(DefaultPayload.create(payload.getDataUtf8(), payload.getMetadataUtf8())));
		CloseableChannel server = RSocketServer.create(acceptor)
			.bind(TcpServerTransport.create("127.0.0.1", 0))
			.block();
		RSocket client = RSocketConnector.create().connect(TcpClientTransport.create(server.address())).block();
		try {
			return measure(() -> client.requestResponse(DefaultPayload.create("\"ping\"", "greeter.echo"))
				.map(Payload::getDataUtf8));
		}
		finally {
			client.dispose();
			server.dispose();
		}
	}

	private static Result measure(Supplier<Mono<?>> call) {
		for (int i = 0; i < WARMUP; i++) {
			call.get().block();
		}
		long[] nanos = new long[ROUNDS];
		long start = System.nanoTime();
		for (int i = 0; i < ROUNDS; i++) {
			long t = System.nanoTime();
			call.get().block();
			nanos[i] = System.nanoTime() - t;
		}
		long total = System.nanoTime() - start;
		Arrays.sort(nanos);
		return new Result(nanos[ROUNDS / 2], nanos[ROUNDS * 99 / 100], ROUNDS * 1e9 / total);
	}

	private static void print(String name, Result result, Result baseline) {
		System.out.printf("%-42s p50 %6.1f us  p99 %6.1f us  %8.0f req/s  (p50 x%.2f of raw)%n", name, result.p50 / 1e3,
				result.p99 / 1e3, result.throughput, (double) result.p50 / baseline.p50);
	}

	private record Result(long p50, long p99, double throughput) {
	}

}
