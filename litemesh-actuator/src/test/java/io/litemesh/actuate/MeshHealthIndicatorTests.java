/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MeshHealthIndicator}, against real nodes on loopback.
 *
 * @author LiteMesh team
 */
class MeshHealthIndicatorTests {

	private static final Duration CONVERGE = Duration.ofSeconds(10);

	private final String cluster = "test-" + MeshNode.Builder.randomSuffix();

	private final List<MeshNode> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).stop();
		}
	}

	@Test
	void upWhenNodeRunsWithTheNodesOwnDetails() {
		MeshNode a = build("a").start();
		build("b", a.addresses()).start();
		await().atMost(CONVERGE)
			.untilAsserted(() -> assertThat(a.snapshot().nodes()).filteredOn((view) -> view.status() == NodeStatus.UP)
				.extracting(NodeView::id)
				.containsExactly("a", "b"));
		Health result = new MeshHealthIndicator(a).health();
		assertThat(result.getStatus()).isEqualTo(Status.UP);
		assertThat(result.getDetails()).containsEntry("nodeId", "a")
			.containsEntry("peersKnown", 1L)
			.containsEntry("peersReachable", 1L)
			.containsKeys("links", "hopLimitDrops", "malformedMessages", "droppedAdvertisements")
			.doesNotContainKey("status");
	}

	@Test
	void downWhenNodeWasNeverStarted() {
		MeshNode node = build("a");
		Health result = new MeshHealthIndicator(node).health();
		assertThat(result.getStatus()).isEqualTo(Status.DOWN);
		assertThat(result.getDetails()).containsEntry("nodeId", "a")
			.containsEntry("peersKnown", 0L)
			.containsEntry("peersReachable", 0L)
			.doesNotContainKey("status");
	}

	@Test
	void downOnceNodeStops() {
		MeshNode node = build("a").start();
		MeshHealthIndicator indicator = new MeshHealthIndicator(node);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		node.stop();
		Health result = indicator.health();
		assertThat(result.getStatus()).isEqualTo(Status.DOWN);
		assertThat(result.getDetails()).containsEntry("nodeId", "a").doesNotContainKey("status");
	}

	private MeshNode build(String nodeId) {
		return build(nodeId, List.of());
	}

	private MeshNode build(String nodeId, List<String> seeds) {
		MeshNode node = MeshNode.builder().nodeId(nodeId).cluster(this.cluster).tcpPort(0).seeds(seeds).build();
		this.nodes.add(node);
		return node;
	}

}
