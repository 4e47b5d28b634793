/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
	void memberJoiningThroughAStoreHasTheWholeDatabaseBeforeItsNeighbourIsReachable(@TempDir Path directory) {
		List<String> toMember = new CopyOnWriteArrayList<>();
		MailboxStore recording = new DelegatingMailboxStore(new FileMailboxStore(directory)) {

			@Override
			public void deliver(List<MailMessage> messages) {
				messages.stream()
					.filter((message) -> message.to().equals("m") && message.type() == MailMessage.Type.FIRE)
					.forEach((message) -> toMember.add(new String(message.data(), StandardCharsets.UTF_8)));
				super.deliver(messages);
			}

		};
		try (TestMesh mesh = TestMesh.tcp()) {
			mesh.start("w1", TestMesh.sharing(recording));
			mesh.start("w2", new Greeter("w2"));
			mesh.awaitConverged();
			// a quiet spell longer than the longest advertisement hold (100 ms, doubled
			// up to 16 times): w1 floods its next advertisement at once, as a mesh that
			// has run for a while does when a member joins
			await().during(Duration.ofMillis(1_700))
				.atMost(TIMEOUT)
				.until(() -> TestMesh.upNodes(mesh.node("w1")).equals(List.of("w1", "w2")));
			mesh.startFileOnly("m", directory);
			mesh.awaitConverged();
		}
		// w1 becomes reachable at the member with the advertisement that links it there;
		// a member that takes that for a complete view must have w2 by then
		List<List<String>> advertised = toMember.stream().map(MembershipTests::advertisements).toList();
		int database = indexOf(advertised, "w2");
		int linked = indexOf(advertised, "w1->m");
		assertThat(database).as("w2 reached the member in %s", advertised).isNotNegative();
		assertThat(linked).as("w1's link to the member reached it in %s", advertised).isNotNegative();
		assertThat(database).as("w2 came first in %s", advertised).isLessThanOrEqualTo(linked);
	}

	/**
	 * Return what a control message advertises: each node's id, and {@code id->peer} for
	 * each of its links; nothing for a digest, which lists no links.
	 */
	private static List<String> advertisements(String json) {
		List<String> advertised = new ArrayList<>();
		for (JsonNode advertisement : JsonMapper.shared().readTree(json)) {
			if (advertisement.has("links")) {
				String id = advertisement.path("nodeId").asString();
				advertised.add(id);
				advertisement.path("links").forEach((link) -> advertised.add(id + "->" + link.path("to").asString()));
			}
		}
		return advertised;
	}

	private static int indexOf(List<List<String>> messages, String item) {
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i).contains(item)) {
				return i;
			}
		}
		return -1;
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
