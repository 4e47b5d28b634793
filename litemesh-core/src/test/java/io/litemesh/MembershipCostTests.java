/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeStatistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What keeping the graph current costs, over in-memory links: a new link carries a digest
 * rather than the database, bursts of changes are coalesced into few route computations,
 * and refreshes cost none.
 */
class MembershipCostTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void aSecondLinkOfANodeCarriesADigestNotTheDatabase() {
		try (TestMesh mesh = TestMesh.inMemory().restricted()) {
			List<MeshNode> nodes = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				// a tree: every node links to the one at half its index
				nodes.add(startQuiet(mesh, "n" + i, (i > 0) ? nodes.get((i - 1) / 2) : null, new Greeter("n" + i)));
			}
			mesh.awaitConverged(TIMEOUT);
			MeshNode first = mesh.node("n0");
			long firstBefore = awaitQuiet(() -> bytes(first));
			MeshNode joiner = startQuiet(mesh, "x", first);
			mesh.awaitConverged(TIMEOUT);
			// n0 answered x's digest with the whole database
			long database = awaitQuiet(() -> bytes(first)) - firstBefore;
			long joinerBefore = awaitQuiet(() -> bytes(joiner));
			mesh.allow("x", "n39");
			await().atMost(TIMEOUT).until(() -> joiner.statistics().links() == 2);
			mesh.awaitConverged(TIMEOUT);
			long secondLink = awaitQuiet(() -> bytes(joiner)) - joinerBefore;
			assertThat(secondLink)
				.as("what x sent when its second link came up, against the database of %d bytes", database)
				.isLessThan(database / 2);
		}
	}

	@Test
	void aBurstOfChangesCostsFewerRouteComputationsThanChanges() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			for (int i = 0; i < 30; i++) {
				mesh.start("n" + i);
			}
			mesh.awaitConverged(TIMEOUT);
			awaitQuiet(() -> total(mesh, NodeStatistics::routeComputations));
			long changes = total(mesh, NodeStatistics::graphChanges);
			long computations = total(mesh, NodeStatistics::routeComputations);
			System.out.println("30 nodes in memory, cold start: " + changes + " graph changes, " + computations
					+ " route computations");
			assertThat(computations).isLessThan(changes / 2);
		}
	}

	@Test
	void refreshesCostNoRouteComputation() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			for (String id : List.of("a", "b", "c")) {
				mesh.start(id, (builder) -> builder.advertiseInterval(Duration.ofMillis(100)));
			}
			mesh.awaitConverged(TIMEOUT);
			long computations = awaitQuiet(() -> total(mesh, NodeStatistics::routeComputations));
			long messages = total(mesh, NodeStatistics::membershipMessages);
			await().atMost(TIMEOUT).until(() -> total(mesh, NodeStatistics::membershipMessages) > messages + 30);
			assertThat(total(mesh, NodeStatistics::routeComputations)).isEqualTo(computations);
		}
	}

	/**
	 * Start a node linked to a parent that refreshes its advertisement rarely, so that
	 * what a link costs is not blurred by the refreshes of forty nodes.
	 */
	private static MeshNode startQuiet(TestMesh mesh, String id, @Nullable MeshNode parent, Object... services) {
		List<String> seeds = List.of();
		if (parent != null) {
			mesh.allow(id, parent.nodeId());
			seeds = parent.addresses();
		}
		List<String> parentAddresses = seeds;
		return mesh.start(id,
				(builder) -> builder.seeds(parentAddresses)
					.advertiseInterval(Duration.ofMinutes(10))
					.advertisementTtl(Duration.ofMinutes(40)),
				services);
	}

	private static long bytes(MeshNode node) {
		return node.statistics().membershipBytes();
	}

	private static long total(TestMesh mesh, java.util.function.ToLongFunction<NodeStatistics> figure) {
		return mesh.nodes().stream().mapToLong((node) -> figure.applyAsLong(node.statistics())).sum();
	}

	/**
	 * Wait until a figure stops moving for a while (the hold times are 50 and 100 ms) and
	 * return it.
	 */
	private static long awaitQuiet(LongSupplier figure) {
		AtomicLong last = new AtomicLong(-1);
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(400)).until(() -> {
			long now = figure.getAsLong();
			return last.getAndSet(now) == now;
		});
		return last.get();
	}

}
