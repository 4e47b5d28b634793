/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Greeting;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.memory.MemoryNetwork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Meshes over in-memory links: cut and healed links, killed and restarted nodes, and a
 * hundred nodes on the network's few threads.
 */
class MemoryMeshTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void aCutLinkIsRoutedAroundAndComesBackWhenHealed() {
		try (TestMesh mesh = TestMesh.inMemory().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			MeshNode b = mesh.startLinked("b", a, new Greeter("b"));
			mesh.startLinked("c", b);
			mesh.allow("a", "c");
			mesh.awaitConverged();
			MemoryNetwork network = mesh.network();
			await().atMost(TIMEOUT).until(() -> network.neighbours("a").equals(Set.of("b", "c")));
			assertThat(hello(mesh)).isEqualTo(1);
			mesh.cut("a", "b");
			assertThat(network.neighbours("a")).containsExactly("c");
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hello(mesh)).isEqualTo(2));
			mesh.heal("a", "b");
			await().atMost(TIMEOUT).until(() -> network.neighbours("a").contains("b"));
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hello(mesh)).isEqualTo(1));
		}
	}

	private static int hello(TestMesh mesh) {
		Greeting greeting = mesh.template("a")
			.request(Target.unicast("b", "greeter"), "hello", "Ada", Greeting.class)
			.block(TIMEOUT);
		return greeting.hops();
	}

	@Test
	void aKilledNodeDropsOutAndARestartedOneComesBack() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			mesh.start("a");
			mesh.start("b", new Greeter("b"));
			mesh.start("c");
			mesh.awaitConverged();
			mesh.kill("b");
			assertThat(mesh.network().members()).containsExactly("a", "c");
			mesh.awaitConverged();
			assertThat(TestMesh.upNodes(mesh.node("a"))).containsExactly("a", "c");
			mesh.restart("b");
			mesh.awaitConverged();
			assertThat(
					mesh.template("a").request(Target.anycast("greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("b");
		}
	}

	@Test
	void twoLiveNodesCannotShareAnIdInOneNetwork() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			mesh.start("a");
			assertThatIllegalStateException().isThrownBy(() -> mesh.start("a"))
				.withMessageContaining("already has a node a");
		}
	}

	@Test
	void aHundredNodesConvergeWithBoundedLinks() {
		int nodes = 100;
		try (TestMesh mesh = TestMesh.inMemory()) {
			IntStream.range(0, nodes)
				.mapToObj((i) -> String.format("n%03d", i))
				.forEach((id) -> mesh.start(id, new Greeter(id)));
			mesh.awaitConverged(Duration.ofSeconds(90));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> mesh.nodes()
					.stream()
					.allMatch((node) -> TopologyTests.degree(node) <= MeshSettings.DEFAULT_MAX_LINKS));
			List<MeshNode> all = mesh.nodes();
			assertThat(all).allSatisfy((node) -> assertThat(TestMesh.upNodes(node)).hasSize(nodes));
			assertThat(mesh.network().links()).hasSizeLessThanOrEqualTo(nodes * MeshSettings.DEFAULT_MAX_LINKS / 2);
			// the first calls may queue behind the last advertisements on a busy host
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(mesh.template("n000")
					.request(Target.unicast("n099", "greeter"), "whoami", null, String.class)
					.block(TIMEOUT)).isEqualTo("n099"));
		}
	}

}
