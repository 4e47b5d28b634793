/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thirty nodes in one JVM: every node converges to the same graph, none holds more than
 * {@code max-links} links, and every pair of nodes can exchange a request.
 */
class ScaleTests {

	private static final int NODES = 30;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void thirtyNodesConvergeWithBoundedLinksAndEveryPairTalks() {
		Random random = new Random(30);
		try (TestMesh mesh = TestMesh.tcp()) {
			long start = System.nanoTime();
			for (int i = 0; i < NODES; i++) {
				String id = String.format("n%02d", i);
				List<MeshNode> earlier = mesh.nodes();
				MeshNode seed = earlier.isEmpty() ? null : earlier.get(random.nextInt(earlier.size()));
				mesh.start(id, (builder) -> builder.seeds((seed != null) ? seed.addresses() : List.of()),
						new Greeter(id));
			}
			await().atMost(TIMEOUT)
				.until(() -> mesh.nodes().stream().allMatch((node) -> TestMesh.upNodes(node).size() == NODES));
			Duration converged = Duration.ofNanos(System.nanoTime() - start);
			await().atMost(TIMEOUT)
				.until(() -> mesh.nodes()
					.stream()
					.allMatch((node) -> TopologyTests.degree(node) <= MeshSettings.DEFAULT_MAX_LINKS));
			await().atMost(TIMEOUT).until(() -> TopologyTests.sameGraph(mesh.nodes()));
			Duration settled = Duration.ofNanos(System.nanoTime() - start);
			int links = mesh.nodes().get(0).snapshot().links().size();
			int diameter = mesh.nodes()
				.stream()
				.flatMap((node) -> node.snapshot().nodes().stream())
				.mapToInt((view) -> view.hops())
				.max()
				.orElse(-1);
			System.out.printf(
					"%d nodes: all up after %d ms, links bounded and graphs identical after %d ms; "
							+ "%d links (a full mesh has %d), diameter %d%n",
					NODES, converged.toMillis(), settled.toMillis(), links, NODES * (NODES - 1) / 2, diameter);
			assertThat(links).isLessThanOrEqualTo(NODES * MeshSettings.DEFAULT_MAX_LINKS / 2);
			List<String> ids = mesh.nodes().stream().map(MeshNode::nodeId).toList();
			long answered = Flux.fromIterable(mesh.nodes())
				.flatMap((from) -> Flux.fromIterable(ids)
					.filter((to) -> !to.equals(from.nodeId()))
					.flatMap((to) -> TestMesh.template(from)
						.request(Target.unicast(to, "greeter"), "whoami", null, String.class)
						.filter(to::equals)), 4)
				.count()
				.block(TIMEOUT);
			assertThat(answered).isEqualTo((long) NODES * (NODES - 1));
		}
	}

}
