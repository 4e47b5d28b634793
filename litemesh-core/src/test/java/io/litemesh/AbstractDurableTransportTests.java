/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.litemesh.view.TransportHealth;
import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.view.NodeState;
import io.litemesh.transport.mailbox.MailboxStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every messaging pattern across three nodes that share nothing but a durable store: no
 * TCP port, no seeds. Node {@code a} calls; {@code b} and {@code c} offer the greeter.
 * Every store runs these scenarios through a subclass that says how to make the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDurableTransportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DurableMedium medium = medium();

	private TestMesh mesh;

	private MeshTemplate fromA;

	private Greeter greeterB;

	private Greeter greeterC;

	/**
	 * Return the medium the nodes of these scenarios share.
	 * @return the medium
	 */
	protected abstract DurableMedium medium();

	private MailboxStore newStore() {
		return this.medium.newStore(MailboxStore.CLAIM_TIMEOUT);
	}

	private String transport() {
		return this.medium.transport();
	}

	@BeforeAll
	void startMesh() throws Exception {
		this.medium.create();
		this.mesh = new TestMesh();
		MeshNode a = this.mesh.start("a", TestMesh.storeOnly(newStore()));
		this.greeterB = new Greeter("b");
		this.greeterC = new Greeter("c");
		this.mesh.start("b", TestMesh.storeOnly(newStore()), this.greeterB);
		this.mesh.start("c", TestMesh.storeOnly(newStore()), this.greeterC);
		this.mesh.awaitConverged();
		this.fromA = TestMesh.template(a);
	}

	@AfterAll
	void stopMesh() throws Exception {
		this.mesh.close();
		this.medium.drop();
	}

	@Test
	void nodesFindEachOtherThroughTheRegistryAndTheGraphShowsTheStoresLinks() {
		MeshNode a = this.mesh.node("a");
		assertThat(a.addresses()).isEmpty();
		assertThat(a.snapshot().links()).extracting((link) -> link.from() + "-" + link.to() + ":" + link.transport())
			.containsExactlyInAnyOrder("a-b:" + transport(), "a-c:" + transport(), "b-c:" + transport());
	}

	@Test
	void unicastRequestCarriesTheCallerAndOneHop() {
		assertThat(this.fromA.request(Target.unicast("b", "greeter"), "hello", "Ada", Greeting.class).block(TIMEOUT))
			.isEqualTo(new Greeting("Hello Ada", "b", "a", 1));
	}

	@Test
	void anycastReachesEitherProvider() {
		assertThat(this.fromA.request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT)).isIn("b",
				"c");
	}

	@Test
	void everyReturnShapeAndAnEmptyReplyWork() {
		Target c = Target.unicast("c", "greeter");
		assertThat(this.fromA.request(c, "helloMono", "x", String.class).block(TIMEOUT)).isEqualTo("mono x from c");
		assertThat(this.fromA.request(c, "helloFuture", "y", String.class).block(TIMEOUT)).isEqualTo("future y from c");
		StepVerifier.create(this.fromA.request(c, "note", "void call", String.class)).expectComplete().verify(TIMEOUT);
		assertThat(this.greeterC.received).contains("void call");
	}

	@Test
	void fireAndForgetArrives() {
		this.fromA.send(Target.unicast("b", "greeter"), "note", "through the store").block(TIMEOUT);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.greeterB.received).contains("through the store"));
	}

	@Test
	void streamKeepsBackPressureAndCancels() {
		long before = this.greeterC.produced.get();
		StepVerifier.create(this.fromA.stream(Target.unicast("c", "greeter"), "count", 1_000_000, Integer.class), 0)
			.thenRequest(2)
			.expectNext(1, 2)
			.then(() -> assertThat(this.greeterC.produced.get() - before).isLessThanOrEqualTo(2 + 4))
			.thenRequest(3)
			.expectNext(3, 4, 5)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.greeterC.produced.get() - before).as("the producer stopped after the cancel").isLessThan(1_000);
	}

	@Test
	void streamRunsToCompletion() {
		assertThat(this.fromA.stream(Target.unicast("b", "greeter"), "count", 50, Integer.class)
			.collectList()
			.block(TIMEOUT)).hasSize(50).startsWith(1, 2, 3).endsWith(50);
	}

	@Test
	void broadcastRequestGathersEveryProvider() {
		List<MeshReply<String>> replies = this.fromA
			.requestAll(Target.broadcast("greeter"), "whoami", null, String.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(replies).extracting(MeshReply::nodeId).containsExactlyInAnyOrder("b", "c");
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.value()).isEqualTo(reply.nodeId()));
	}

	@Test
	void broadcastSendReachesEveryProviderOnce() {
		this.fromA.send(Target.broadcast("greeter"), "note", "to all by store").block(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(List.of(this.greeterB, this.greeterC))
				.allSatisfy((greeter) -> assertThat(greeter.received).containsOnlyOnce("to all by store")));
	}

	@Test
	void errorsArriveAsTheyWouldOverTcp() {
		StepVerifier.create(this.fromA.request(Target.unicast("b", "greeter"), "fail", "by store", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RemoteServiceException.class)
				.hasMessageContaining("greeter.fail on node b")
				.hasMessageContaining("by store"))
			.verify(TIMEOUT);
		StepVerifier.create(this.fromA.request(Target.unicast("b", "greeter"), "missing", null, String.class))
			.expectError(NoRouteException.class)
			.verify(TIMEOUT);
	}

	@Test
	void stateOfAnotherNodeIsFetchedThroughTheStore() {
		NodeState state = this.mesh.node("a").nodeState("c").block(TIMEOUT);
		assertThat(state.node().id()).isEqualTo("c");
		assertThat(state.health().status()).isEqualTo("UP");
	}

	@Test
	void healthDescribesTheTransport() {
		List<TransportHealth> transports = this.mesh.node("a").health().transports();
		assertThat(transports).singleElement().satisfies((transport) -> {
			assertThat(transport.transport()).isEqualTo(transport());
			assertThat(transport.status()).isEqualTo("UP");
		});
	}

}
