/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeHealth;
import io.litemesh.view.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every messaging pattern across three nodes that reach each other through one transport
 * only. Node {@code a} calls; {@code b} and {@code c} offer the greeter. Every transport
 * (TCP, the shared directory, each database) runs these scenarios through a subclass that
 * says, with a {@link TransportFixture}, how its nodes reach each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTransportScenarioTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final TransportFixture fixture = fixture();

	private TestMesh mesh;

	private MeshTemplate fromA;

	private Greeter greeterB;

	private Greeter greeterC;

	/**
	 * Return how the nodes of these scenarios reach each other.
	 * @return the fixture of the transport under test
	 */
	protected abstract TransportFixture fixture();

	private String transport() {
		return this.fixture.transport();
	}

	@BeforeAll
	void startMesh() throws Exception {
		this.fixture.create();
		this.mesh = this.fixture.mesh();
		MeshNode a = this.mesh.start("a", this.fixture.node());
		this.greeterB = new Greeter("b");
		this.greeterC = new Greeter("c");
		this.mesh.start("b", this.fixture.node(), this.greeterB);
		this.mesh.start("c", this.fixture.node(), this.greeterC);
		this.mesh.awaitConverged();
		this.fromA = TestMesh.template(a);
	}

	@AfterAll
	void stopMesh() throws Exception {
		this.mesh.close();
		this.fixture.drop();
	}

	@Test
	void nodesFindEachOtherAndTheGraphShowsTheTransportsLinks() {
		MeshNode a = this.mesh.node("a");
		if (this.fixture.durable()) {
			assertThat(a.addresses()).as("a store-only node has no address to dial").isEmpty();
		}
		else {
			assertThat(a.addresses()).singleElement().asString().startsWith(transport() + "://");
		}
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
		this.fromA.send(Target.unicast("b", "greeter"), "note", "through the transport").block(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.greeterB.received).contains("through the transport"));
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
		this.fromA.send(Target.broadcast("greeter"), "note", "to all through the transport").block(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(List.of(this.greeterB, this.greeterC)).allSatisfy(
					(greeter) -> assertThat(greeter.received).containsOnlyOnce("to all through the transport")));
	}

	@Test
	void errorsArriveAsTheyWouldOverTcp() {
		StepVerifier
			.create(this.fromA.request(Target.unicast("b", "greeter"), "fail", "through the transport", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RemoteServiceException.class)
				.hasMessageContaining("greeter.fail on node b")
				.hasMessageContaining("through the transport"))
			.verify(TIMEOUT);
		StepVerifier.create(this.fromA.request(Target.unicast("b", "greeter"), "missing", null, String.class))
			.expectError(NoRouteException.class)
			.verify(TIMEOUT);
	}

	@Test
	void stateOfAnotherNodeIsFetchedThroughTheTransport() {
		NodeState state = this.mesh.node("a").nodeState("c").block(TIMEOUT);
		assertThat(state.node().id()).isEqualTo("c");
		assertThat(state.health().status()).isEqualTo("UP");
	}

	@Test
	void healthDescribesTheTransport() {
		NodeHealth health = this.mesh.node("a").health();
		assertThat(health.status()).isEqualTo("UP");
		if (!this.fixture.durable()) {
			assertThat(health.transports()).as("TCP reports through the node's own counters").isNull();
			assertThat(health.advertisedAddressVerified()).isTrue();
			return;
		}
		assertThat(health.transports()).singleElement().satisfies((transport) -> {
			assertThat(transport.transport()).isEqualTo(transport());
			assertThat(transport.status()).isEqualTo("UP");
		});
	}

}
