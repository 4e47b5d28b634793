/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.GreeterClient;
import io.litemesh.TestServices.Greeting;
import io.litemesh.TestServices.Order;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every messaging pattern and return shape across a real three-node mesh on loopback:
 * node {@code a} calls, {@code b} and {@code c} offer the greeter, and {@code a} also
 * offers one locally in the broadcast tests through node {@code d}.
 */
class MessagingPatternsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static TestMesh mesh;

	private static MeshTemplate template;

	private static Greeter greeterB;

	private static Greeter greeterC;

	private static Greeter greeterD;

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp();
		mesh.start("a");
		greeterB = new Greeter("b");
		greeterC = new Greeter("c");
		greeterD = new Greeter("d");
		mesh.start("b", greeterB);
		mesh.start("c", greeterC);
		MeshNode d = mesh.start("d", greeterD);
		mesh.awaitConverged();
		template = TestMesh.template(d);
	}

	@AfterAll
	static void stopMesh() {
		mesh.close();
	}

	private static MeshTemplate from(String nodeId) {
		return TestMesh.template(mesh.nodes().stream().filter((n) -> n.nodeId().equals(nodeId)).findFirst().get());
	}

	@Test
	void unicastRequestReachesTheNamedNodeWithCallerAndHops() {
		StepVerifier.create(from("a").request(Target.unicast("c", "greeter"), "hello", "Ada", Greeting.class))
			.assertNext((greeting) -> assertThat(greeting).isEqualTo(new Greeting("Hello Ada", "c", "a", 1)))
			.verifyComplete();
	}

	@Test
	void requestToTheLocalNodeGoesStraightToTheBean() {
		StepVerifier.create(template.request(Target.unicast("d", "greeter"), "hello", "Bob", Greeting.class))
			.assertNext((greeting) -> assertThat(greeting).isEqualTo(new Greeting("Hello Bob", "d", "d", 0)))
			.verifyComplete();
	}

	@Test
	void anycastPrefersTheLocalProvider() {
		for (int i = 0; i < 5; i++) {
			assertThat(template.request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("d");
		}
	}

	@Test
	void anycastSpreadsLoadOverEqualProviders() {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 30; i++) {
			String node = from("a").request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT);
			counts.merge(node, 1, Integer::sum);
		}
		assertThat(counts).containsOnlyKeys("b", "c", "d");
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo(5));
	}

	@Test
	void anycastWithConcurrentRequestsFavoursTheLeastBusy() {
		List<String> nodes = Flux.range(0, 60)
			.flatMap((i) -> from("a").request(Target.anycast("greeter"), "slow", 20L, String.class), 12)
			.collectList()
			.block(TIMEOUT);
		Map<String, Long> counts = new HashMap<>();
		nodes.forEach((reply) -> counts.merge(reply.substring("slow from ".length()), 1L, Long::sum));
		assertThat(counts).containsOnlyKeys("b", "c", "d");
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(10L, 30L));
	}

	@Test
	void everyReturnShapeWorksRemotely() {
		Target c = Target.unicast("c", "greeter");
		assertThat(from("a").request(c, "helloMono", "x", String.class).block(TIMEOUT)).isEqualTo("mono x from c");
		assertThat(from("a").request(c, "helloFuture", "y", String.class).block(TIMEOUT)).isEqualTo("future y from c");
		StepVerifier.create(from("a").request(c, "note", "void call", String.class)).expectComplete().verify(TIMEOUT);
		assertThat(greeterC.received).contains("void call");
		assertThat(from("a").stream(c, "count", 3, Integer.class).collectList().block(TIMEOUT)).containsExactly(1, 2,
				3);
	}

	@Test
	void genericPayloadsAndRepliesMapThroughJson() {
		List<Order> orders = List.of(new Order("sku-1", 2), new Order("sku-2", 5));
		assertThat(from("a").request(Target.unicast("b", "greeter"), "total", orders, Integer.class).block(TIMEOUT))
			.isEqualTo(7);
		List<Order> twice = from("a").request(Target.unicast("b", "greeter"), "twice", new Order("sku-3", 1),
				new ParameterizedTypeReference<List<Order>>() {
				})
			.block(TIMEOUT);
		assertThat(twice).containsExactly(new Order("sku-3", 1), new Order("sku-3", 1));
	}

	@Test
	void requestAllGathersOneReplyPerProviderIncludingTheCaller() {
		List<MeshReply<String>> replies = template.requestAll(Target.broadcast("greeter"), "whoami", null, String.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(replies).extracting(MeshReply::nodeId).containsExactlyInAnyOrder("b", "c", "d");
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.value()).isEqualTo(reply.nodeId()));
	}

	@Test
	void requestAllReportsEachFailureInItsReply() {
		List<MeshReply<String>> replies = from("a")
			.requestAll(Target.broadcast("greeter"), "fail", "boom", String.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(replies).hasSize(3).allSatisfy((reply) -> {
			assertThat(reply.isSuccess()).isFalse();
			assertThat(reply.error()).isInstanceOf(RemoteServiceException.class).hasMessageContaining("boom");
		});
	}

	@Test
	void requestAllToAnycastTargetAsksOneNode() {
		assertThat(from("a").requestAll(Target.unicast("b", "greeter"), "whoami", null, String.class)
			.collectList()
			.block(TIMEOUT)).singleElement().satisfies((reply) -> assertThat(reply.value()).isEqualTo("b"));
	}

	@Test
	void broadcastSendReachesEveryProviderIncludingTheLocalNode() {
		template.send(Target.broadcast("greeter"), "note", "to all").block(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(List.of(greeterB, greeterC, greeterD))
				.allSatisfy((greeter) -> assertThat(greeter.received).containsOnlyOnce("to all")));
	}

	@Test
	void broadcastWithTagsReachesOnlyMatchingProviders() {
		StepVerifier
			.create(from("a").requestAll(Target.broadcast("greeter").withTag("zone", "b"), "whoami", null,
					String.class))
			.expectError(NoRouteException.class)
			.verify(TIMEOUT);
		assertThat(from("a").requestAll(Target.broadcast("greeter").withTag("zone", "a"), "whoami", null, String.class)
			.collectList()
			.block(TIMEOUT)).hasSize(3);
	}

	@Test
	void unicastSendIsFireAndForget() {
		from("a").send(Target.unicast("b", "greeter"), "note", "only b").block(TIMEOUT);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(greeterB.received).contains("only b"));
		assertThat(greeterC.received).doesNotContain("only b");
	}

	@Test
	void clientProxyCallsEndpointsByMethodName() {
		GreeterClient client = from("a").client(GreeterClient.class, Target.unicast("b", "greeter"));
		assertThat(client.hello("Eve")).isEqualTo(new Greeting("Hello Eve", "b", "a", 1));
		assertThat(client.helloMono("m").block(TIMEOUT)).isEqualTo("mono m from b");
		assertThat(client.helloFuture("f").toCompletableFuture().join()).isEqualTo("future f from b");
		assertThat(client.count(4).collectList().block(TIMEOUT)).containsExactly(1, 2, 3, 4);
		client.note("via proxy");
		assertThat(greeterB.received).contains("via proxy");
		assertThat(client.whoami()).isEqualTo("b");
		assertThat(client.toString()).contains("GreeterClient");
	}

	@Test
	void broadcastClientProxySendsToEveryProvider() {
		GreeterClient client = template.client(GreeterClient.class, Target.broadcast("greeter"));
		client.note("proxy broadcast");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(List.of(greeterB, greeterC, greeterD))
				.allSatisfy((greeter) -> assertThat(greeter.received).contains("proxy broadcast")));
	}

	@Test
	void advertisementsCarryServiceVersionEndpointsAndTags() {
		MeshNode a = mesh.nodes().get(0);
		assertThat(a.snapshot().nodes()).filteredOn((node) -> node.id().equals("b"))
			.singleElement()
			.satisfies((node) -> assertThat(node.services()).singleElement().satisfies((service) -> {
				assertThat(service.name()).isEqualTo("greeter");
				assertThat(service.version()).isEqualTo("1.2");
				assertThat(service.tags()).containsEntry("zone", "a");
				assertThat(service.endpoints()).contains("hello", "count", "note", "helloMono");
			}));
		assertThat(a.snapshot().services()).containsEntry("greeter", List.of("b", "c", "d"));
	}

}
