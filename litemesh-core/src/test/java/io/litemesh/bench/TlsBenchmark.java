/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.TestCertificates;
import io.litemesh.TestCertificates.Authority;
import io.litemesh.TestCertificates.Issued;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.view.NodeStatus;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * Measures what TLS costs: LiteMesh request-response over mutual TLS against raw
 * rsocket-java over mutual TLS with the same certificates, and both in plain text, in one
 * run, rounds interleaved, reported as ratios. A benchmark, not a test: run it with
 * {@code ./mvnw -q -pl litemesh-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.litemesh.bench.TlsBenchmark}.
 *
 * @author LiteMesh team
 */
public final class TlsBenchmark {

	private static final int SEQUENTIAL = 10_000;

	private static final int CONCURRENT = 40_000;

	private static final int IN_FLIGHT = 64;

	private static final int ROUNDS = 3;

	private TlsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Authority ca = TestCertificates.authority("bench-ca");
		Issued serverCert = ca.issue("server");
		Issued clientCert = ca.issue("client");
		Raw rawTls = Raw.start(serverCert, clientCert, ca);
		Raw rawPlain = Raw.start(null, null, ca);
		Mesh meshTls = Mesh.start(new TcpTls(serverCert.material(ca), TcpTls.ClientAuth.NEED),
				new TcpTls(clientCert.material(ca), TcpTls.ClientAuth.NEED));
		Mesh meshPlain = Mesh.start(null, null);
		try {
			Map<String, Supplier<Mono<?>>> calls = new java.util.LinkedHashMap<>();
			calls.put("raw rsocket-java, plain", rawPlain::call);
			calls.put("raw rsocket-java, mutual TLS", rawTls::call);
			calls.put("LiteMesh 1 hop, plain", meshPlain::call);
			calls.put("LiteMesh 1 hop, mutual TLS", meshTls::call);
			Map<String, double[]> p50 = new java.util.LinkedHashMap<>();
			Map<String, double[]> throughput = new java.util.LinkedHashMap<>();
			calls.keySet().forEach((name) -> {
				p50.put(name, new double[ROUNDS]);
				throughput.put(name, new double[ROUNDS]);
			});
			for (int round = -1; round < ROUNDS; round++) {
				for (Map.Entry<String, Supplier<Mono<?>>> call : calls.entrySet()) {
					double latency = sequentialP50(call.getValue());
					double rate = concurrentThroughput(call.getValue());
					if (round >= 0) {
						p50.get(call.getKey())[round] = latency;
						throughput.get(call.getKey())[round] = rate;
					}
				}
			}
			double rawTlsRate = median(throughput.get("raw rsocket-java, mutual TLS"));
			double rawTlsP50 = median(p50.get("raw rsocket-java, mutual TLS"));
			System.out.printf("%-32s %12s %10s %14s %12s%n", "(medians of " + ROUNDS + " rounds)",
					IN_FLIGHT + " in flight", "vs raw TLS", "p50 at 1 (us)", "vs raw TLS");
			for (String name : calls.keySet()) {
				double rate = median(throughput.get(name));
				double latency = median(p50.get(name));
				System.out.printf("%-32s %10.0f/s %10.2f %14.1f %12.2f%n", name, rate, rate / rawTlsRate, latency,
						latency / rawTlsP50);
			}
		}
		finally {
			meshPlain.stop();
			meshTls.stop();
			rawPlain.stop();
			rawTls.stop();
		}
	}

	private static double sequentialP50(Supplier<Mono<?>> call) {
		long[] nanos = new long[SEQUENTIAL];
		for (int i = 0; i < SEQUENTIAL; i++) {
			long start = System.nanoTime();
			call.get().block();
			nanos[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(nanos);
		return nanos[SEQUENTIAL / 2] / 1e3;
	}

	private static double concurrentThroughput(Supplier<Mono<?>> call) {
		long start = System.nanoTime();
		Flux.range(0, CONCURRENT).flatMap((i) -> call.get(), IN_FLIGHT).blockLast(Duration.ofMinutes(2));
		return CONCURRENT * 1e9 / (System.nanoTime() - start);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/**
	 * Raw rsocket-java: an echo server and one client, with or without mutual TLS.
	 */
	private record Raw(CloseableChannel server, RSocket client) {

		static Raw start(Issued serverCert, Issued clientCert, Authority ca) throws Exception {
			SocketAcceptor acceptor = SocketAcceptor.forRequestResponse(
					(payload) -> Mono.just(DefaultPayload.create(payload.getDataUtf8(), payload.getMetadataUtf8())));
			TcpServer tcpServer = TcpServer.create().host("127.0.0.1").port(0);
			TcpClient tcpClient = TcpClient.create().host("127.0.0.1");
			if (serverCert != null) {
				SslContext serverContext = SslContextBuilder.forServer(serverCert.keyManagers())
					.trustManager(TestCertificates.trust(ca))
					.clientAuth(ClientAuth.REQUIRE)
					.build();
				SslContext clientContext = SslContextBuilder.forClient()
					.keyManager(clientCert.keyManagers())
					.trustManager(TestCertificates.trust(ca))
					.endpointIdentificationAlgorithm(null)
					.build();
				tcpServer = tcpServer.secure((spec) -> spec.sslContext(serverContext));
				tcpClient = tcpClient.secure((spec) -> spec.sslContext(clientContext));
			}
			CloseableChannel server = RSocketServer.create(acceptor)
				.bind(TcpServerTransport.create(tcpServer))
				.block(Duration.ofSeconds(10));
			RSocket client = RSocketConnector.create()
				.connect(TcpClientTransport.create(tcpClient.port(server.address().getPort())))
				.block(Duration.ofSeconds(10));
			return new Raw(server, client);
		}

		Mono<?> call() {
			return this.client.requestResponse(DefaultPayload.create("\"ping\"", "echo.echo"))
				.map(Payload::getDataUtf8);
		}

		void stop() {
			this.client.dispose();
			this.server.dispose();
		}

	}

	/**
	 * Two LiteMesh nodes, the second serving an echo, with or without mutual TLS.
	 */
	private record Mesh(MeshNode caller, MeshNode server, MeshTemplate template) {

		static Mesh start(TcpTls callerTls, TcpTls serverTls) {
			String cluster = (callerTls != null) ? "bench-tls" : "bench-plain";
			MeshNode.Builder serverBuilder = MeshNode.builder().nodeId("server").cluster(cluster).tcpPort(0);
			if (serverTls != null) {
				serverBuilder.tls(serverTls).bindAddress("127.0.0.1");
			}
			MeshNode server = serverBuilder.build();
			server.registerService("echo", "", Map.of(), new RoundTripBenchmark.Echo());
			server.start();
			MeshNode.Builder callerBuilder = MeshNode.builder()
				.nodeId("caller")
				.cluster(cluster)
				.tcpPort(0)
				.seeds(server.addresses());
			if (callerTls != null) {
				callerBuilder.tls(callerTls).bindAddress("127.0.0.1");
			}
			MeshNode caller = callerBuilder.build().start();
			while (caller.snapshot()
				.nodes()
				.stream()
				.noneMatch((view) -> view.id().equals("server") && view.status() == NodeStatus.UP)) {
				Thread.onSpinWait();
			}
			return new Mesh(caller, server, new MeshTemplate(caller));
		}

		Mono<?> call() {
			return this.template.request(Target.unicast("server", "echo"), "echo", "ping", String.class);
		}

		void stop() {
			this.caller.stop();
			this.server.stop();
		}

	}

}
