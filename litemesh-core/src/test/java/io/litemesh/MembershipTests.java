/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Joining, leaving, crashing and restarting: how the link-state database follows the
 * mesh.
 */
class MembershipTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void nodesJoinThroughOneSeedAndSeeTheWholeGraph() {
		try (TestMesh mesh = TestMesh.tcp()) {
			mesh.start("a");
			mesh.start("b", new Greeter("b"));
			mesh.start("c", new Greeter("c"));
			mesh.start("d");
			mesh.awaitConverged();
			for (MeshNode node : mesh.nodes()) {
				assertThat(node.snapshot().nodes()).extracting(NodeView::id).containsExactly("a", "b", "c", "d");
				assertThat(node.snapshot().services()).containsEntry("greeter", List.of("b", "c"));
			}
		}
	}

	@Test
	void gracefulLeaveIsSeenAtOnceAndTrafficMovesOn() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			MeshNode b = mesh.start("b", new Greeter("b"));
			mesh.start("c", new Greeter("c"));
			mesh.awaitConverged();
			b.stop();
			assertThat(status(a, "b")).as("leave is announced before the connections close")
				.isIn(NodeStatus.LEAVING, NodeStatus.DOWN);
			MeshTemplate template = TestMesh.template(a);
			for (int i = 0; i < 5; i++) {
				assertThat(template.request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT))
					.isEqualTo("c");
			}
		}
	}

	@Test
	void crashedNodeIsDetectedWhenItsConnectionsDie() throws Exception {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			MeshNode b = mesh.start("b", new Greeter("b"));
			try (ExternalNode crashing = ExternalNode.start("x", a.settings().cluster(), a.addresses().get(0))) {
				await().atMost(TIMEOUT).until(() -> status(a, "x") == NodeStatus.UP && status(b, "x") == NodeStatus.UP);
				MeshTemplate template = TestMesh.template(a);
				assertThat(
						template.request(Target.unicast("x", "greeter"), "whoami", null, String.class).block(TIMEOUT))
					.isEqualTo("x");
				long killedAt = System.nanoTime();
				crashing.kill();
				// the stated bound: every node sees a killed node down within 3 s on
				// loopback
				await().atMost(Duration.ofSeconds(3))
					.until(() -> status(a, "x") == NodeStatus.DOWN && status(b, "x") == NodeStatus.DOWN);
				Duration detection = Duration.ofNanos(System.nanoTime() - killedAt);
				System.out.println("Crash detected by every node after " + detection.toMillis() + " ms");
				assertThat(template.request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT))
					.isEqualTo("b");
			}
		}
	}

	@Test
	void restartWithTheSameIdReplacesTheOldIncarnation() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			MeshNode b1 = mesh.start("b", new Greeter("b-first"));
			mesh.awaitConverged();
			long firstIncarnation = view(a, "b").incarnation();
			b1.stop();
			await().atMost(TIMEOUT).until(() -> status(a, "b") != NodeStatus.UP);
			mesh.start("b", new Greeter("b-second"));
			await().atMost(TIMEOUT).until(() -> status(a, "b") == NodeStatus.UP);
			assertThat(view(a, "b").incarnation()).isGreaterThanOrEqualTo(firstIncarnation);
			assertThat(TestMesh.template(a)
				.request(Target.unicast("b", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("b-second");
			assertThat(a.snapshot().nodes()).extracting(NodeView::id).containsOnlyOnce("b");
		}
	}

	@Test
	void nodeOfAnotherClusterIsRefused() {
		try (TestMesh mesh = TestMesh.tcp(); TestMesh other = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			MeshNode stranger = other.start("stranger", (builder) -> builder.seeds(a.addresses()));
			MeshNode b = mesh.start("b");
			mesh.awaitConverged();
			await().atMost(TIMEOUT).until(() -> a.health().refusedConnections() >= 1);
			assertThat(a.snapshot().nodes()).extracting(NodeView::id).containsExactly("a", "b");
			assertThat(stranger.snapshot().nodes()).extracting(NodeView::id).containsExactly("stranger");
			assertThat(b.isRunning()).isTrue();
		}
	}

	@Test
	void closingOneNodeDoesNotDisturbTheOthersInTheSameJvm() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			MeshNode b = mesh.start("b", new Greeter("b"));
			MeshNode c = mesh.start("c", new Greeter("c"));
			mesh.awaitConverged();
			c.stop();
			MeshTemplate template = TestMesh.template(a);
			for (int i = 0; i < 20; i++) {
				assertThat(
						template.request(Target.unicast("b", "greeter"), "whoami", null, String.class).block(TIMEOUT))
					.isEqualTo("b");
			}
			assertThat(b.health().status()).isEqualTo("UP");
		}
	}

	@Test
	void advertisedAddressIsCheckedByDiallingIt() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode good = mesh.start("good");
			MeshNode wrong = mesh.start("wrong", (builder) -> builder.advertisedAddress("127.0.0.1:1"));
			assertThat(good.health().advertisedAddressVerified()).isEqualTo(true);
			assertThat(wrong.addresses()).containsExactly("tcp://127.0.0.1:1");
			assertThat(wrong.health().advertisedAddressVerified()).isEqualTo(false);
		}
	}

	@Test
	void frameOverTheReceiversLimitIsRefusedWithoutHarm() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode sender = mesh.start("sender");
			MeshNode small = mesh.start("small", (builder) -> builder.maxFrameSize(8 * 1024), new Greeter("small"));
			mesh.awaitConverged();
			MeshTemplate template = TestMesh.template(sender);
			String large = "x".repeat(200 * 1024);
			org.assertj.core.api.Assertions
				.assertThatThrownBy(
						() -> template.request(Target.unicast("small", "greeter"), "echoSize", large, String.class)
							.block(TIMEOUT))
				.isInstanceOf(MeshException.class);
			mesh.awaitConverged();
			assertThat(
					template.request(Target.unicast("small", "greeter"), "echoSize", "ok", String.class).block(TIMEOUT))
				.isEqualTo("small:2");
			assertThat(small.health().status()).isEqualTo("UP");
		}
	}

	@Test
	void protectedModeBindsToLoopbackOnly() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a");
			assertThat(a.addresses()).singleElement().asString().startsWith("tcp://127.0.0.1:");
		}
	}

	@Test
	void outboundOnlyNodeCallsAndIsCalledOverTheConnectionItOpened() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", new Greeter("a"));
			MeshNode hidden = mesh.start("hidden", (builder) -> builder.tcpPort(-1), new Greeter("hidden"));
			mesh.awaitConverged();
			assertThat(hidden.addresses()).isEmpty();
			assertThat(TestMesh.template(hidden)
				.request(Target.unicast("a", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("a");
			assertThat(TestMesh.template(a)
				.request(Target.unicast("hidden", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("hidden");
		}
	}

	static NodeStatus status(MeshNode node, String id) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.id().equals(id))
			.map(NodeView::status)
			.findFirst()
			.orElse(NodeStatus.DOWN);
	}

	static NodeView view(MeshNode node, String id) {
		return node.snapshot().nodes().stream().filter((view) -> view.id().equals(id)).findFirst().orElseThrow();
	}

}
