/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.TestServices.Greeter;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.tcp.Hello;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import io.rsocket.Payload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * What an outsider on the network, or an insider out of line, tries against the handshake
 * and membership, and how each attempt is refused and counted.
 */
class HandshakeAttackTests {

	private static final String SECRET = "correct horse battery";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private TestMesh mesh;

	private MeshNode node;

	private Greeter greeter;

	@BeforeEach
	void startNode() {
		this.mesh = TestMesh.tcp();
		this.greeter = new Greeter("n");
		this.node = this.mesh.start("n", (builder) -> builder.secret(SECRET).bindAddress("127.0.0.1"), this.greeter);
	}

	@AfterEach
	void stopNode() {
		this.mesh.close();
	}

	@Test
	void nothingIsServedBeforeBothSidesProvedTheSecret() {
		try (RawPeer outsider = RawPeer.connect(this.node, "outsider", this.mesh.cluster())) {
			StepVerifier.create(outsider.call("outsider", "n", "greeter", "note", "\"unproven\""))
				.expectError()
				.verify(TIMEOUT);
			StepVerifier.create(outsider.state()).expectError().verify(TIMEOUT);
			outsider.hello();
			StepVerifier.create(outsider.prove("not a proof")).expectError().verify(TIMEOUT);
			StepVerifier.create(outsider.state()).as("still nothing after a wrong proof").expectError().verify(TIMEOUT);
		}
		assertThat(this.greeter.received).isEmpty();
		assertThat(refusals().get("unauthenticated-request")).isGreaterThanOrEqualTo(3);
		assertThat(refusals().get("proof")).isEqualTo(1);
		assertThat(this.node.snapshot().nodes()).extracting(NodeView::id).containsExactly("n");
	}

	@Test
	void aProofCapturedOnOneConnectionIsWorthlessOnAnother() {
		Hello hello = new Hello(Hello.PROTOCOL, "insider", this.mesh.cluster(), System.currentTimeMillis(),
				io.litemesh.security.SharedSecret.nonce(), null);
		String captured;
		try (RawPeer insider = RawPeer.connect(this.node, hello)) {
			insider.hello();
			captured = insider.proofFor(SECRET);
			StepVerifier.create(insider.prove(captured)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		}
		// the same SETUP, replayed as a sniffer would, meets a fresh challenge
		try (RawPeer replay = RawPeer.connect(this.node, hello)) {
			replay.hello();
			StepVerifier.create(replay.prove(captured)).expectError().verify(TIMEOUT);
			StepVerifier.create(replay.state()).expectError().verify(TIMEOUT);
		}
		assertThat(refusals().get("proof")).isEqualTo(1);
	}

	@Test
	void aRogueAtASeedAddressReadsNothingAndJoinsNothing() {
		AtomicReference<String> rogueSaw = new AtomicReference<>();
		try (RogueServer rogue = RogueServer.start(this.mesh.cluster(), rogueSaw)) {
			MeshNode dialler = this.mesh.start("dialler",
					(builder) -> builder.secret(SECRET).bindAddress("127.0.0.1").seeds(List.of(rogue.address())));
			await().atMost(TIMEOUT).until(() -> rogueSaw.get() != null);
			assertThat(rogueSaw.get()).as("what the rogue's state request got").startsWith("refused");
			await().atMost(TIMEOUT)
				.until(() -> dialler.statistics().refusals().get("proof") >= 1
						&& dialler.statistics().refusals().get("unauthenticated-request") >= 1);
			assertThat(dialler.snapshot().nodes()).extracting(NodeView::id).doesNotContain("rogue");
		}
	}

	@Test
	void anInsiderCannotEvictALinkedNodeNorSpeakInItsName() {
		MeshNode x = this.mesh.start("x", (builder) -> builder.secret(SECRET).bindAddress("127.0.0.1"));
		this.mesh.awaitConverged();
		long incarnation = this.node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.id().equals("x"))
			.findFirst()
			.orElseThrow()
			.incarnation();
		try (RawPeer insider = RawPeer.connect(this.node, "insider", this.mesh.cluster())) {
			insider.joinAsInsider(SECRET);
			String cluster = this.mesh.cluster();
			insider.advertise(List.of(
					new NodeAdvertisement("x", cluster, Long.MAX_VALUE, Long.MAX_VALUE, List.of(), List.of(), List.of(),
							true),
					new NodeAdvertisement("x", cluster, incarnation, Long.MAX_VALUE, List.of(), List.of(), List.of(),
							true),
					new NodeAdvertisement("x", cluster, incarnation + 1, 1, List.of(), List.of(), List.of(), false)));
			// the one that can never be genuine is counted; the others are not taken
			await().atMost(TIMEOUT).until(() -> refusals().get("forged-advertisement") == 1);
			StepVerifier.create(insider.call("x", "n", "greeter", "note", "\"in x's name\""))
				.expectError()
				.verify(TIMEOUT);
			assertThat(refusals().get("forged-source")).isEqualTo(1);
			StepVerifier
				.create(insider.call("insider", "n", "greeter", "note", "\"in its own name\"")
					.doOnNext(Payload::release)
					.then())
				.expectComplete()
				.verify(TIMEOUT);
		}
		assertThat(this.greeter.received).containsExactly("in its own name");
		assertThat(this.node.snapshot().nodes()).filteredOn((view) -> view.id().equals("x"))
			.singleElement()
			.satisfies((view) -> {
				assertThat(view.status()).isEqualTo(NodeStatus.UP);
				assertThat(view.incarnation()).as("the forged restart was not taken").isEqualTo(incarnation);
			});
		assertThat(x.isRunning()).isTrue();
	}

	@Test
	void anOversizedHelloIsRefusedBeforeItIsRead() {
		String huge = "h".repeat(1024 * 1024);
		assertThatException().isThrownBy(() -> {
			try (RawPeer big = RawPeer.connect(this.node, huge, this.mesh.cluster())) {
				big.hello();
			}
		});
		await().atMost(TIMEOUT).until(() -> refusals().get("oversized-hello") == 1);
	}

	@Test
	void advertisementsBeyondTheBoundsAreDroppedAndCounted() {
		try (RawPeer insider = RawPeer.connect(this.node, "insider", this.mesh.cluster())) {
			insider.joinAsInsider(SECRET);
			String cluster = this.mesh.cluster();
			List<String> manyAddresses = java.util.stream.IntStream.range(0, 17)
				.mapToObj((i) -> "tcp://10.0.0." + i + ":7070")
				.toList();
			Map<String, String> manyTags = new java.util.HashMap<>();
			java.util.stream.IntStream.range(0, 65).forEach((i) -> manyTags.put("k" + i, "v"));
			insider.advertise(List.of(
					new NodeAdvertisement("far-1", cluster, 1, 1, manyAddresses, List.of(), List.of(), false),
					new NodeAdvertisement("far-2", cluster, 1, 1, List.of(), List.of(),
							List.of(new io.litemesh.view.ServiceInfo("s", "", List.of("e"), manyTags)), false),
					new NodeAdvertisement("x".repeat(257), cluster, 1, 1, List.of(), List.of(), List.of(), false)));
			await().atMost(TIMEOUT).until(() -> this.node.statistics().droppedAdvertisements() >= 3);
		}
		assertThat(this.node.snapshot().nodes()).extracting(NodeView::id).doesNotContain("far-1", "far-2");
	}

	@Test
	void connectionsFromOneAddressBeyondItsShareAreRefused() {
		// half of the 64 a node accepts (8 x max-links, at least 64) may come from one
		// host
		assertConnectionsRefusedAfter(List.of("127.0.0.1"), 32, "127.0.0.1");
	}

	@Test
	void connectionsBeyondTheTotalBoundAreRefused() {
		assertConnectionsRefusedAfter(List.of("127.0.0.2", "127.0.0.3"), 32, "127.0.0.4");
	}

	private void assertConnectionsRefusedAfter(List<String> hosts, int perHost, String oneMoreFrom) {
		List<RawPeer> open = new java.util.ArrayList<>();
		try {
			// connections that never finish their handshake, from other hosts
			for (String host : hosts) {
				for (int i = 0; i < perHost; i++) {
					RawPeer peer = RawPeer.connectFrom(this.node, "idle-" + host + "-" + i, this.mesh.cluster(), host);
					peer.hello();
					open.add(peer);
				}
			}
			assertThatException().isThrownBy(() -> {
				try (RawPeer oneTooMany = RawPeer.connectFrom(this.node, "one-too-many", this.mesh.cluster(),
						oneMoreFrom)) {
					oneTooMany.hello();
				}
			});
			await().atMost(TIMEOUT).until(() -> refusals().get("too-many-connections") == 1);
		}
		finally {
			open.forEach(RawPeer::close);
		}
	}

	@Test
	void theLinkStateDatabaseHoldsAtMostItsBound() {
		try (RawPeer insider = RawPeer.connect(this.node, "insider", this.mesh.cluster())) {
			insider.joinAsInsider(SECRET);
			String cluster = this.mesh.cluster();
			int batch = 1_000;
			for (int first = 0; first <= io.litemesh.membership.Membership.MAX_NODES; first += batch) {
				List<NodeAdvertisement> advertisements = new java.util.ArrayList<>();
				for (int i = first; i < first + batch; i++) {
					advertisements
						.add(new NodeAdvertisement("far-" + i, cluster, 1, 1, List.of(), List.of(), List.of(), false));
				}
				insider.advertise(advertisements);
			}
			await().atMost(TIMEOUT).until(() -> refusals().get("database-full") >= 1);
		}
		assertThat(this.node.snapshot().nodes()).hasSizeLessThanOrEqualTo(io.litemesh.membership.Membership.MAX_NODES);
	}

	private Map<String, Long> refusals() {
		return this.node.statistics().refusals();
	}

}
