/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.litemesh.MeshNode;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;

import static org.awaitility.Awaitility.await;

/**
 * Starts real nodes on loopback, in a cluster of their own, and stops them all
 * afterwards.
 *
 * @author LiteMesh team
 */
final class TestNodes implements AutoCloseable {

	static final Duration CONVERGE = Duration.ofSeconds(20);

	private final String cluster = "cli-test-" + MeshNode.Builder.randomSuffix();

	private final List<MeshNode> nodes = new ArrayList<>();

	String cluster() {
		return this.cluster;
	}

	/**
	 * Start a node that joins through the first node started, if any.
	 * @param nodeId the node id
	 * @param customizer settings beyond the defaults
	 * @param services the services it offers
	 * @return the started node
	 */
	MeshNode start(String nodeId, Consumer<MeshNode.Builder> customizer, Object... services) {
		MeshNode.Builder builder = MeshNode.builder()
			.nodeId(nodeId)
			.cluster(this.cluster)
			.tcpPort(0)
			.requestTimeout(Duration.ofSeconds(5));
		if (!this.nodes.isEmpty() && !this.nodes.get(0).addresses().isEmpty()) {
			builder.seeds(List.of(this.nodes.get(0).addresses().get(0)));
		}
		customizer.accept(builder);
		MeshNode node = builder.build();
		for (Object service : services) {
			node.registerAnnotatedService(service.getClass().getSimpleName(), service);
		}
		this.nodes.add(node);
		return node.start();
	}

	MeshNode start(String nodeId, Object... services) {
		return start(nodeId, (builder) -> {
		}, services);
	}

	/**
	 * Wait until every node sees every other as up.
	 */
	void awaitConverged() {
		List<String> ids = this.nodes.stream().map(MeshNode::nodeId).sorted().toList();
		await().atMost(CONVERGE).until(() -> this.nodes.stream().allMatch((node) -> upNodes(node).equals(ids)));
	}

	/**
	 * Return the nodes a node sees as up, sorted.
	 * @param node the node
	 * @return the ids
	 */
	static List<String> upNodes(MeshNode node) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.status() == NodeStatus.UP)
			.map(NodeView::id)
			.sorted()
			.toList();
	}

	/**
	 * Return the {@code --connect} arguments for a node.
	 * @param node the node
	 * @return the arguments
	 */
	static List<String> connect(MeshNode node) {
		return List.of("--connect", node.addresses().get(0).substring("tcp://".length()));
	}

	@Override
	public void close() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).stop();
		}
	}

}
