/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every pattern relayed through one and two intermediate nodes of a chain
 * {@code a - b - c - d}, where only neighbours may link.
 */
class RelayTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static TestMesh mesh;

	private static MeshTemplate fromA;

	private static Greeter greeterC;

	private static Greeter greeterD;

	@BeforeAll
	static void startChain() {
		mesh = TestMesh.tcp().restricted();
		MeshNode a = mesh.startLinked("a", null);
		MeshNode b = mesh.startLinked("b", a);
		greeterC = new Greeter("c");
		// c carries its links on two event loops, so what it relays may change threads
		mesh.allow("c", "b");
		MeshNode c = mesh.start("c", (builder) -> builder.seeds(b.addresses()).ioThreads(2), greeterC);
		greeterD = new Greeter("d");
		mesh.startLinked("d", c, greeterD);
		mesh.awaitConverged();
		fromA = TestMesh.template(a);
	}

	@AfterAll
	static void stopChain() {
		mesh.close();
	}

	@Test
	void theGraphIsAChainAndEveryNodeKnowsHowToReachTheOthers() {
		MeshNode a = mesh.node("a");
		assertThat(a.snapshot().links()).extracting((link) -> link.from() + "-" + link.to())
			.containsExactly("a-b", "b-c", "c-d");
		NodeView d = a.snapshot().nodes().stream().filter((node) -> node.id().equals("d")).findFirst().orElseThrow();
		assertThat(d.nextHop()).isEqualTo("b");
		assertThat(d.hops()).isEqualTo(3);
	}

	@Test
	void requestResponseThroughOneAndTwoRelays() {
		assertThat(fromA.request(Target.unicast("c", "greeter"), "hello", "Ada", Greeting.class).block(TIMEOUT))
			.isEqualTo(new Greeting("Hello Ada", "c", "a", 2));
		assertThat(fromA.request(Target.unicast("d", "greeter"), "hello", "Ada", Greeting.class).block(TIMEOUT))
			.isEqualTo(new Greeting("Hello Ada", "d", "a", 3));
	}

	@Test
	void anycastPrefersTheNearerProvider() {
		for (int i = 0; i < 10; i++) {
			assertThat(fromA.request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("c");
		}
	}

	@Test
	void fireAndForgetThroughTwoRelays() {
		fromA.send(Target.unicast("d", "greeter"), "note", "relayed note").block(TIMEOUT);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(greeterD.received).contains("relayed note"));
	}

	@Test
	void streamThroughTwoRelaysKeepsBackPressureAndCancels() {
		long before = greeterD.produced.get();
		StepVerifier.create(fromA.stream(Target.unicast("d", "greeter"), "count", 1_000_000, Integer.class), 0)
			.thenRequest(2)
			.expectNext(1, 2)
			.then(() -> assertThat(greeterD.produced.get() - before).isLessThanOrEqualTo(2 + 4))
			.thenRequest(3)
			.expectNext(3, 4, 5)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(greeterD.produced.get() - before).as("the producer stopped after the cancel").isLessThan(1_000);
	}

	@Test
	void broadcastRequestGathersRepliesAcrossRelays() {
		List<MeshReply<String>> replies = fromA.requestAll(Target.broadcast("greeter"), "whoami", null, String.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(replies).extracting(MeshReply::nodeId).containsExactlyInAnyOrder("c", "d");
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.value()).isEqualTo(reply.nodeId()));
	}

	@Test
	void broadcastSendReachesEveryProviderOnce() {
		fromA.send(Target.broadcast("greeter"), "note", "chain broadcast").block(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(List.of(greeterC, greeterD))
				.allSatisfy((greeter) -> assertThat(greeter.received).containsOnlyOnce("chain broadcast")));
	}

	@Test
	void stateOfANodeThreeHopsAwayIsFetchedThroughTheMesh() {
		NodeState state = mesh.node("a").nodeState("d").block(TIMEOUT);
		assertThat(state.node().id()).isEqualTo("d");
		assertThat(state.node().services()).extracting((service) -> service.name()).containsExactly("greeter");
		assertThat(state.health()).extracting("status", "nodeId").containsExactly("UP", "d");
	}

	@Test
	void errorsComeBackThroughRelays() {
		StepVerifier.create(fromA.request(Target.unicast("d", "greeter"), "fail", "far", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RemoteServiceException.class)
				.hasMessageContaining("greeter.fail on node d")
				.hasMessageContaining("far"))
			.verify(TIMEOUT);
	}

}
