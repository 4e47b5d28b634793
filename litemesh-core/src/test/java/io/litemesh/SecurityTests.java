/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * With a shared secret, only nodes that prove it join; the secret never travels.
 */
class SecurityTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void nodesWithTheSameSecretJoinAndCall() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1"));
			mesh.start("b", (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1"), new Greeter("b"));
			mesh.awaitConverged();
			assertThat(TestMesh.template(a)
				.request(Target.anycast("greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("b");
		}
	}

	@Test
	void nodesWithoutTheSecretAreRefusedBothWays() throws Exception {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1"));
			MeshNode wrong = mesh.start("wrong",
					(builder) -> builder.secret("battery staple").bindAddress("127.0.0.1"));
			MeshNode none = mesh.start("none");
			MeshNode b = mesh.start("b", (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1"));
			TestMesh.awaitUp(List.of(a, b), List.of("a", "b"));
			// a node that dials with no proof, and one dialled by a node that cannot
			// prove its answer
			MeshNode dialsWrong = mesh.start("dials-wrong",
					(builder) -> builder.secret("correct horse").bindAddress("127.0.0.1").seeds(wrong.addresses()));
			await().atMost(TIMEOUT).until(() -> refused(a) >= 2 && refused(wrong) >= 1 && refused(dialsWrong) >= 1);
			assertThat(a.snapshot().nodes()).extracting(NodeView::id).doesNotContain("wrong", "none");
			assertThat(wrong.snapshot().nodes()).extracting(NodeView::id).containsExactly("wrong");
			assertThat(none.snapshot().nodes()).extracting(NodeView::id).containsExactly("none");
			assertThat(dialsWrong.snapshot().nodes()).extracting(NodeView::id).containsExactly("dials-wrong");
		}
	}

	private static long refused(MeshNode node) {
		return node.health().refusedConnections();
	}

	@Test
	void tooShortSecretIsRejectedWhenTheNodeIsBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> MeshNode.builder().secret("short").build())
			.withMessageContaining("litemesh.security.secret");
	}

}
