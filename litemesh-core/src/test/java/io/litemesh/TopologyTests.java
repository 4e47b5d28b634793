/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relaying over shapes that force it: hop limits, outbound-only nodes, rings with cut
 * links, islands that merge, and broadcast trees.
 */
class TopologyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@Test
	void hopLimitStopsMessagesThatWouldTakeMoreHops() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			MeshNode b = mesh.start("b", (builder) -> builder.maxHops(2).seeds(a.addresses()));
			mesh.allow("a", "b");
			MeshNode c = mesh.start("c", (builder) -> builder.maxHops(2).seeds(b.addresses()), new Greeter("c"));
			mesh.allow("b", "c");
			MeshNode d = mesh.start("d", (builder) -> builder.maxHops(2).seeds(c.addresses()), new Greeter("d"));
			mesh.allow("c", "d");
			mesh.awaitConverged();
			MeshTemplate fromA = TestMesh.template(a);
			assertThat(fromA.request(Target.unicast("c", "greeter"), "whoami", null, String.class).block(TIMEOUT))
				.as("two links are within a limit of two")
				.isEqualTo("c");
			long dropsBefore = hopLimitDrops(c);
			StepVerifier.create(fromA.request(Target.unicast("d", "greeter"), "whoami", null, String.class))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOf(NoRouteException.class).hasMessageContaining("hop limit 2"))
				.verify(TIMEOUT);
			assertThat(hopLimitDrops(b) + hopLimitDrops(c)).isGreaterThan(dropsBefore);
			assertThat(d.isRunning()).isTrue();
		}
	}

	private static long hopLimitDrops(MeshNode node) {
		return node.health().hopLimitDrops();
	}

	@Test
	void requestWhoseRouteBreaksMidFlightFailsFastWithNoRoute() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			MeshNode b = mesh.startLinked("b", a);
			mesh.startLinked("c", b, new Greeter("c"));
			mesh.awaitConverged();
			StepVerifier
				.create(TestMesh.template(a).request(Target.unicast("c", "greeter"), "slow", 8_000L, String.class))
				.then(b::stop)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NoRouteException.class))
				.verify(Duration.ofSeconds(4));
		}
	}

	@Test
	void outboundOnlyNodesTalkThroughTheListenerTheyDialled() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode listener = mesh.start("listener");
			MeshNode left = mesh.start("left", (builder) -> builder.tcpPort(-1), new Greeter("left"));
			MeshNode right = mesh.start("right", (builder) -> builder.tcpPort(-1), new Greeter("right"));
			mesh.awaitConverged();
			assertThat(left.snapshot().nodes()).filteredOn((node) -> node.id().equals("right"))
				.singleElement()
				.satisfies((node) -> assertThat(node.nextHop()).isEqualTo("listener"));
			assertThat(TestMesh.template(left)
				.request(Target.unicast("right", "greeter"), "hello", "NAT", TestServices.Greeting.class)
				.block(TIMEOUT)).isEqualTo(new TestServices.Greeting("Hello NAT", "right", "left", 2));
			assertThat(TestMesh.template(right)
				.request(Target.unicast("left", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("left");
			assertThat(listener.snapshot().links()).hasSize(2);
		}
	}

	@Test
	void cutLinkInARingIsRoutedAround() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			MeshNode b = mesh.startLinked("b", a, new Greeter("b"));
			MeshNode c = mesh.startLinked("c", b);
			mesh.startLinked("d", c);
			mesh.allow("d", "a");
			mesh.awaitConverged();
			await().atMost(TIMEOUT).until(() -> a.snapshot().links().size() == 4);
			MeshTemplate fromA = TestMesh.template(a);
			assertThat(fromA.request(Target.unicast("b", "greeter"), "hello", "x", TestServices.Greeting.class)
				.block(TIMEOUT)
				.hops()).isEqualTo(1);
			mesh.cut("a", "b");
			await().atMost(TIMEOUT).until(() -> hops(a, "b") == 3);
			assertThat(fromA.request(Target.unicast("b", "greeter"), "hello", "x", TestServices.Greeting.class)
				.block(TIMEOUT)
				.hops()).isEqualTo(3);
		}
	}

	@Test
	void islandsMergeWhenConnectivityReturns() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			MeshNode b = mesh.startLinked("b", a);
			MeshNode c = mesh.startLinked("c", b);
			MeshNode d = mesh.startLinked("d", c);
			mesh.awaitConverged();
			mesh.cut("b", "c");
			await().atMost(TIMEOUT)
				.until(() -> TestMesh.upNodes(a).equals(List.of("a", "b"))
						&& TestMesh.upNodes(d).equals(List.of("c", "d")));
			mesh.allow("b", "c");
			mesh.awaitConverged();
			assertThat(TestMesh.upNodes(a)).containsExactly("a", "b", "c", "d");
		}
	}

	@Test
	void broadcastReachesEveryNodeOfATwelveNodeMeshExactlyOnceDownATree() {
		try (TestMesh mesh = TestMesh.tcp()) {
			List<Greeter> greeters = new ArrayList<>();
			MeshNode origin = mesh.start("n00", (builder) -> builder.maxLinks(4));
			for (int i = 1; i < 12; i++) {
				Greeter greeter = new Greeter(String.format("n%02d", i));
				greeters.add(greeter);
				mesh.start(greeter.node, (builder) -> builder.maxLinks(4), greeter);
			}
			mesh.awaitConverged();
			await().atMost(TIMEOUT).until(() -> mesh.nodes().stream().allMatch((node) -> degree(node) <= 4));
			await().atMost(TIMEOUT).until(() -> sameGraph(mesh.nodes()));
			mesh.awaitConverged();
			Set<String> treeEdges = new HashSet<>();
			for (NodeView node : origin.snapshot().nodes()) {
				if (node.nextHop() != null) {
					treeEdges.add(node.nextHop());
				}
			}
			long sentBefore = sent(origin);
			TestMesh.template(origin).send(Target.broadcast("greeter"), "note", "tree").block(TIMEOUT);
			assertThat(sent(origin) - sentBefore).as("one copy per tree edge of the origin")
				.isEqualTo(treeEdges.size());
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(greeters)
					.allSatisfy((greeter) -> assertThat(greeter.received).containsOnlyOnce("tree")));
			long sentBeforeRequestAll = sent(origin);
			List<MeshReply<String>> replies = TestMesh.template(origin)
				.requestAll(Target.broadcast("greeter"), "whoami", null, String.class)
				.collectList()
				.block(TIMEOUT);
			assertThat(replies).hasSize(11).allSatisfy((reply) -> assertThat(reply.value()).isEqualTo(reply.nodeId()));
			assertThat(sent(origin) - sentBeforeRequestAll).as("one request per tree edge of the origin")
				.isEqualTo(treeEdges.size());
		}
	}

	static boolean sameGraph(List<MeshNode> nodes) {
		return nodes.stream().allMatch((node) -> node.snapshot().links().equals(nodes.get(0).snapshot().links()));
	}

	static long degree(MeshNode node) {
		return node.snapshot()
			.links()
			.stream()
			.filter((link) -> link.from().equals(node.nodeId()) || link.to().equals(node.nodeId()))
			.count();
	}

	private static long sent(MeshNode node) {
		return node.health().messagesSent();
	}

	private static int hops(MeshNode node, String id) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.id().equals(id))
			.filter((view) -> view.status() == NodeStatus.UP)
			.map(NodeView::hops)
			.findFirst()
			.orElse(-1);
	}

}
