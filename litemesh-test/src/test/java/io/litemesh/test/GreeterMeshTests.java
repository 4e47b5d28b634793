/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.test;

import java.time.Duration;

import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example of the README's "Testing your application with litemesh-test", run as it is
 * written there, and the same mesh over TCP.
 */
class GreeterMeshTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@MeshService("greeter")
	static class Greeter {

		private final String node;

		Greeter(String node) {
			this.node = node;
		}

		public String hello(String name) {
			return "Hello " + name + " from " + this.node;
		}

	}

	@Test
	void theGreeterIsReachedThroughACutAndAfterAKill() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			mesh.start("gateway");
			mesh.start("greeter-1", new Greeter("greeter-1"));
			mesh.start("greeter-2", new Greeter("greeter-2"));
			mesh.awaitConverged();
			MeshTemplate gateway = mesh.template("gateway");

			// the direct link is cut: the call is relayed through greeter-2
			mesh.cut("gateway", "greeter-1");
			await().atMost(TestMesh.CONVERGE)
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(
						gateway.request(Target.unicast("greeter-1", "greeter"), "hello", "Ada", String.class)
							.block(TIMEOUT))
					.isEqualTo("Hello Ada from greeter-1"));

			// greeter-1 dies without a word: anycast finds the other one
			mesh.heal("gateway", "greeter-1");
			mesh.kill("greeter-1");
			mesh.awaitConverged();
			assertThat(gateway.request(Target.anycast("greeter"), "hello", "Ada", String.class).block(TIMEOUT))
				.isEqualTo("Hello Ada from greeter-2");
		}
	}

	@Test
	void theSameMeshRunsOverTcpOnLoopback() {
		try (TestMesh mesh = TestMesh.tcp()) {
			mesh.start("gateway");
			mesh.start("greeter-1", new Greeter("greeter-1"));
			mesh.awaitConverged();
			assertThat(mesh.node("gateway").addresses()).singleElement().asString().startsWith("tcp://127.0.0.1:");
			assertThat(mesh.template("gateway")
				.request(Target.anycast("greeter"), "hello", "Ada", String.class)
				.block(TIMEOUT)).isEqualTo("Hello Ada from greeter-1");
		}
	}

	@Test
	void aRestartedNodeIsANewIncarnationThatTheOthersSee() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			mesh.start("a");
			mesh.start("b", new Greeter("b"));
			mesh.awaitConverged();
			mesh.stop("b");
			mesh.awaitConverged();
			assertThat(TestMesh.upNodes(mesh.node("a"))).containsExactly("a");
			mesh.restart("b");
			mesh.awaitConverged();
			assertThat(mesh.snapshot("a").nodes()).extracting((node) -> node.id()).containsExactlyInAnyOrder("a", "b");
		}
	}

}
