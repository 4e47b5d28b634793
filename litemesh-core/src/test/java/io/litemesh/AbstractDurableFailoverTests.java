/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.view.LinkView;
import io.litemesh.view.NodeView;
import io.litemesh.view.TransportHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failover and delivery over a durable store besides TCP: two TCP islands joined only by
 * the store, a cut TCP link falling back to the store and back, mail waiting for a node
 * that restarts, and a redelivered message reaching its endpoint once. Every store runs
 * these through a subclass.
 */
abstract class AbstractDurableFailoverTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@BeforeEach
	void prepareMedium() throws Exception {
		this.medium.create();
	}

	@AfterEach
	void removeMedium() throws Exception {
		this.medium.drop();
	}

	private final DurableMedium medium = medium();

	/**
	 * Return the medium the nodes of these scenarios share.
	 * @return the medium
	 */
	protected abstract DurableMedium medium();

	private MailboxStore newStore() {
		return newStore(MailboxStore.CLAIM_TIMEOUT);
	}

	private MailboxStore newStore(Duration claimTimeout) {
		return this.medium.newStore(claimTimeout);
	}

	private String transport() {
		return this.medium.transport();
	}

	@Test
	void twoTcpIslandsJoinedOnlyByTheStoreAreOneMesh() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a1 = mesh.startLinked("a1", null);
			MeshNode a2 = mesh.start("a2",
					TestMesh.sharing(newStore()).andThen((builder) -> builder.seeds(a1.addresses())));
			mesh.allow("a1", "a2");
			MeshNode b1 = mesh.start("b1", TestMesh.sharing(newStore()).andThen((builder) -> builder.seeds(List.of())));
			Greeter greeterB2 = new Greeter("b2");
			MeshNode b2 = mesh.start("b2", (builder) -> builder.seeds(b1.addresses()), greeterB2);
			mesh.allow("b1", "b2");
			mesh.awaitConverged();
			assertThat(a1.snapshot().links()).extracting(AbstractDurableFailoverTests::describe)
				.containsExactlyInAnyOrder("a1-a2:tcp", "a2-b1:" + transport(), "b1-b2:tcp");
			MeshTemplate fromA1 = TestMesh.template(a1);
			assertThat(
					fromA1.request(Target.unicast("b2", "greeter"), "hello", "across", Greeting.class).block(TIMEOUT))
				.isEqualTo(new Greeting("Hello across", "b2", "a1", 3));
			assertThat(
					fromA1.stream(Target.anycast("greeter"), "count", 20, Integer.class).collectList().block(TIMEOUT))
				.hasSize(20);
			fromA1.send(Target.broadcast("greeter"), "note", "island broadcast").block(TIMEOUT);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(greeterB2.received).contains("island broadcast"));
			assertThat(TestMesh.template(b2)
				.request(Target.unicast("b2", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("b2");
			assertThat(a2.snapshot().nodes()).extracting(NodeView::id).contains("b2");
		}
	}

	@Test
	void cutTcpLinkFallsBackToTheStoreAndBack() {
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.start("a", TestMesh.sharing(newStore()));
			Greeter greeterB = new Greeter("b");
			mesh.allow("a", "b");
			mesh.start("b", TestMesh.sharing(newStore()), greeterB);
			mesh.awaitConverged();
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(a.snapshot().links()).extracting(AbstractDurableFailoverTests::describe)
					.containsExactlyInAnyOrder("a-b:tcp", "a-b:" + transport()));
			assertThat(hops(a, "b")).isEqualTo(1);
			MeshTemplate fromA = TestMesh.template(a);
			assertThat(fromA.request(Target.unicast("b", "greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("b");
			mesh.cut("a", "b");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(a.snapshot().links()).extracting(AbstractDurableFailoverTests::describe)
					.containsExactly("a-b:" + transport()));
			assertThat(
					fromA.request(Target.unicast("b", "greeter"), "hello", "by store", Greeting.class).block(TIMEOUT))
				.isEqualTo(new Greeting("Hello by store", "b", "a", 1));
			fromA.send(Target.unicast("b", "greeter"), "note", "after the cut").block(TIMEOUT);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(greeterB.received).contains("after the cut"));
			mesh.allow("a", "b");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(a.snapshot().links()).extracting(AbstractDurableFailoverTests::describe)
					.containsExactlyInAnyOrder("a-b:tcp", "a-b:" + transport()));
		}
	}

	@Test
	void nodeWithoutTcpIsReachedThroughTheStoreOnly() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", TestMesh.sharing(newStore()));
			mesh.start("b", TestMesh.sharing(newStore()).andThen((builder) -> builder.seeds(a.addresses())));
			MeshNode w = mesh.start("w", TestMesh.sharing(newStore()).andThen((builder) -> builder.tcpEnabled(false)),
					new Greeter("w"));
			mesh.awaitConverged();
			assertThat(w.addresses()).isEmpty();
			assertThat(w.snapshot().links()).filteredOn((link) -> link.from().equals("w") || link.to().equals("w"))
				.isNotEmpty()
				.allSatisfy((link) -> assertThat(link.transport()).isEqualTo(transport()));
			assertThat(TestMesh.template(a)
				.request(Target.unicast("w", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("w");
		}
	}

	@Test
	void mailWaitsForANodeThatRestartsWithTheSameId() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", TestMesh.storeOnly(newStore()));
			CrashableStore storeOfB = new CrashableStore(newStore());
			MeshNode b = mesh.start("b", TestMesh.storeOnly(storeOfB), new Greeter("b"));
			mesh.awaitConverged();
			MeshTemplate fromA = TestMesh.template(a);
			assertThat(fromA.request(Target.unicast("b", "greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("b");
			// a crash: b cannot say goodbye nor check out; its lease still runs, so a
			// routes to it
			storeOfB.crash();
			b.stop();
			fromA.send(Target.unicast("b", "greeter"), "note", "sent while b was down").block(TIMEOUT);
			Greeter restarted = new Greeter("b");
			mesh.start("b", TestMesh.storeOnly(newStore()), restarted);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(restarted.received).contains("sent while b was down"));
		}
	}

	@Test
	void messageOfferedAgainAfterAClaimThatWasNotAcknowledgedReachesTheEndpointOnce() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", TestMesh.storeOnly(newStore()));
			ForgetfulStore forgetful = new ForgetfulStore(newStore(Duration.ofMillis(200)));
			Greeter greeterB = new Greeter("b");
			mesh.start("b", TestMesh.storeOnly(forgetful), greeterB);
			mesh.awaitConverged();
			TestMesh.template(a).send(Target.unicast("b", "greeter"), "note", "only once").block(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> greeterB.received.contains("only once"));
			assertThat(forgetful.forgotten).isNotEmpty();
			// the forgotten claim comes back after 200 ms and is recognised as a
			// duplicate
			await().atMost(TIMEOUT).until(() -> duplicates(mesh.node("b")) > 0);
			assertThat(greeterB.received).containsOnlyOnce("only once");
		}
	}

	private static long duplicates(MeshNode node) {
		List<TransportHealth> transports = node.health().transports();
		return (transports != null) ? transports.stream().mapToLong(TransportHealth::duplicates).sum() : 0;
	}

	private static String describe(LinkView link) {
		return link.from() + "-" + link.to() + ":" + link.transport();
	}

	private static int hops(MeshNode node, String peer) {
		NodeView view = node.snapshot().nodes().stream().filter((n) -> n.id().equals(peer)).findFirst().orElseThrow();
		return view.hops();
	}

}
