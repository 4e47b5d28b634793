/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A link that silently drops traffic (no reset, no close) is found dead by keepalive and
 * routed around.
 */
class PartitionTests {

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void silentlyDeadLinkIsDetectedByKeepaliveAndRoutedAround() throws Exception {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			int port = freePort();
			try (BlackholeProxy proxy = new BlackholeProxy(new InetSocketAddress("127.0.0.1", port))) {
				// a is dialled through the proxy it advertises; b can only dial out, so
				// the proxy is
				// the only way between a and b; c links to both directly
				MeshNode a = mesh.start("a", (builder) -> builder.tcpPort(port).advertisedAddress(proxy.address()));
				MeshNode b = mesh.start("b", (builder) -> builder.tcpPort(-1).seeds(a.addresses()), new Greeter("b"));
				mesh.allow("a", "b");
				MeshNode c = mesh.start("c", (builder) -> builder.seeds(java.util.List.of("127.0.0.1:" + port)));
				mesh.allow("a", "c");
				mesh.allow("b", "c");
				mesh.awaitConverged();
				await().atMost(TestMesh.CONVERGE).until(() -> a.snapshot().links().size() == 3);
				MeshTemplate fromA = TestMesh.template(a);
				assertThat(fromA.request(Target.unicast("b", "greeter"), "hello", "x", Greeting.class)
					.block(Duration.ofSeconds(5))
					.hops()).isEqualTo(1);
				long cutAt = System.nanoTime();
				proxy.blackhole();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> a.snapshot().links().size() == 2 && a.snapshot()
						.nodes()
						.stream()
						.anyMatch((node) -> node.id().equals("b") && node.hops() == 2));
				System.out.println("Silent partition detected and routed around after "
						+ Duration.ofNanos(System.nanoTime() - cutAt).toMillis() + " ms");
				assertThat(fromA.request(Target.unicast("b", "greeter"), "hello", "x", Greeting.class)
					.block(Duration.ofSeconds(5))
					.hops()).isEqualTo(2);
			}
		}
	}

}
