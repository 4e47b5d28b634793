/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.litemesh.MeshNode;
import io.litemesh.NoRouteException;
import io.litemesh.actuate.MeshEndpoint.NodeStateDescriptor;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MeshEndpoint} and {@link MeshEndpointWebExtension}, against real nodes
 * on loopback: node {@code a}, whose view the endpoint shows, and node {@code b}, which
 * joined it.
 *
 * @author LiteMesh team
 */
class MeshEndpointTests {

	private static final Duration CONVERGE = Duration.ofSeconds(10);

	private final String cluster = "test-" + MeshNode.Builder.randomSuffix();

	private final List<MeshNode> nodes = new ArrayList<>();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MeshNode a;

	private MeshNode b;

	private MeshEndpoint endpoint;

	@BeforeEach
	void startNodes() {
		this.a = start(builder("a"), "1", Map.of("zone", "a"));
		// b leaves the version unset, which the contract shows as ""
		this.b = start(builder("b").seeds(this.a.addresses()), "", Map.of());
		awaitUp(this.a, "a", "b");
		awaitUp(this.b, "a", "b");
		this.endpoint = new MeshEndpoint(this.a);
	}

	@AfterEach
	void stopNodes() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).stop();
		}
	}

	@Test
	void meshSerializesWithTheContractFields() {
		Map<String, Object> json = toJson(this.endpoint.mesh());
		assertThat(json).containsOnlyKeys("node", "nodes", "links", "services");
		assertThat(json).extractingByKey("node")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("id", "a")
			.containsEntry("cluster", this.cluster)
			.containsEntry("status", "UP")
			.containsEntry("addresses", this.a.addresses())
			.containsEntry("services", List.of(Map.of("name", "greeter", "version", "1", "endpoints", List.of("hello"),
					"tags", Map.of("zone", "a"))));
		assertThat(list(json, "nodes")).extracting((node) -> node.get("id")).containsExactly("a", "b");
		assertThat(list(json, "nodes"))
			.allSatisfy((node) -> assertThat(node).containsKeys("id", "cluster", "status", "addresses", "services"));
		assertThat(list(json, "nodes").get(0)).containsEntry("status", "UP")
			.containsEntry("services", List.of("greeter"))
			.doesNotContainKey("nextHop")
			.containsEntry("hops", 0);
		assertThat(list(json, "nodes").get(1)).containsEntry("status", "UP")
			.containsEntry("cluster", this.cluster)
			.containsEntry("addresses", this.b.addresses())
			.containsEntry("services", List.of("greeter"))
			.containsEntry("nextHop", "b")
			.containsEntry("hops", 1);
		assertThat(list(json, "links")).singleElement()
			.satisfies((link) -> assertThat(link).containsEntry("from", "a")
				.containsEntry("to", "b")
				.containsEntry("transport", "tcp"));
		assertThat(list(json, "services")).containsExactly(Map.of("name", "greeter", "nodes", List.of("a", "b")));
	}

	@Test
	void meshShowsANodeThatLeftAsUnreachable() {
		leaveWithNodeC();
		Map<String, Object> json = toJson(this.endpoint.mesh());
		assertThat(list(json, "nodes")).extracting((node) -> node.get("id")).containsExactly("a", "b", "c");
		assertThat(list(json, "nodes").get(2))
			.satisfies((node) -> assertThat(node.get("status")).isIn("LEAVING", "DOWN"))
			.doesNotContainKey("nextHop")
			.containsEntry("hops", -1);
		assertThat(list(json, "services")).containsExactly(Map.of("name", "greeter", "nodes", List.of("a", "b")));
	}

	@Test
	void nodeReturnsNodeAndHealthFetchedThroughTheMesh() {
		NodeStateDescriptor state = this.endpoint.node("b");
		assertThat(state).isNotNull();
		Map<String, Object> json = toJson(state);
		assertThat(json).containsOnlyKeys("node", "health");
		assertThat(json).extractingByKey("node")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("id", "b")
			.containsEntry("cluster", this.cluster)
			.containsEntry("status", "UP")
			.containsEntry("addresses", this.b.addresses())
			.containsEntry("services",
					List.of(Map.of("name", "greeter", "version", "", "endpoints", List.of("hello"), "tags", Map.of())));
		assertThat(json).extractingByKey("health")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("status", "UP")
			.containsEntry("nodeId", "b")
			.containsEntry("peersKnown", 1);
	}

	@Test
	void nodeReturnsLocalNodeAndHealth() {
		NodeStateDescriptor state = this.endpoint.node("a");
		assertThat(state).isNotNull();
		assertThat(state.description().node().id()).isEqualTo("a");
		assertThat(state.description().health()).extracting("status", "nodeId").containsExactly("UP", "a");
	}

	@Test
	void nodeOfUnknownNodeReturnsNull() {
		assertThat(this.endpoint.node("unknown")).isNull();
	}

	@Test
	void nodeOfUnreachableNodeThrows() {
		leaveWithNodeC();
		assertThatExceptionOfType(NoRouteException.class).isThrownBy(() -> this.endpoint.node("c"))
			.withMessageContaining("'c'");
	}

	@Test
	void webExtensionReturnsOkForKnownNode() {
		WebEndpointResponse<?> response = new MeshEndpointWebExtension(this.endpoint).node("b");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getBody()).isInstanceOfSatisfying(NodeStateDescriptor.class,
				(state) -> assertThat(state.description().node().id()).isEqualTo("b"));
	}

	@Test
	void webExtensionReturnsNotFoundForUnknownNode() {
		WebEndpointResponse<?> response = new MeshEndpointWebExtension(this.endpoint).node("unknown");
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(toJson(response.getBody())).containsEntry("nodeId", "unknown");
	}

	@Test
	void webExtensionReturnsServiceUnavailableForUnreachableNode() {
		leaveWithNodeC();
		WebEndpointResponse<?> response = new MeshEndpointWebExtension(this.endpoint).node("c");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(toJson(response.getBody())).containsEntry("nodeId", "c")
			.extractingByKey("message")
			.asString()
			.startsWith("Node 'c' is unreachable");
	}

	@Test
	void webExtensionReturnsServiceUnavailableWhenNodeDoesNotAnswer() {
		// No answer crosses the mesh within a nanosecond, so b's state never arrives in
		// time although b runs and is reachable
		MeshNode impatient = start(builder("impatient").seeds(this.a.addresses()).requestTimeout(Duration.ofNanos(1)),
				"1", Map.of());
		awaitUp(impatient, "a", "b", "impatient");
		WebEndpointResponse<?> response = new MeshEndpointWebExtension(new MeshEndpoint(impatient)).node("b");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(toJson(response.getBody())).containsEntry("nodeId", "b")
			.extractingByKey("message")
			.asString()
			.contains("'b'")
			.contains("did not report its state");
	}

	/**
	 * Let node {@code c} join, then leave: {@code a} keeps it, leaving or down, until its
	 * advertisement ages out, so it is known but cannot be reached.
	 */
	private void leaveWithNodeC() {
		MeshNode c = start(builder("c").seeds(this.a.addresses()), "1", Map.of());
		awaitUp(this.a, "a", "b", "c");
		c.stop();
		await().atMost(CONVERGE)
			.untilAsserted(() -> assertThat(status(this.a, "c")).isIn(NodeStatus.LEAVING, NodeStatus.DOWN));
	}

	private MeshNode.Builder builder(String nodeId) {
		return MeshNode.builder().nodeId(nodeId).cluster(this.cluster).tcpPort(0);
	}

	private MeshNode start(MeshNode.Builder builder, String version, Map<String, String> tags) {
		MeshNode node = builder.build();
		this.nodes.add(node);
		node.registerService("greeter", version, tags, new Greeter());
		return node.start();
	}

	private static void awaitUp(MeshNode node, String... ids) {
		await().atMost(CONVERGE)
			.untilAsserted(
					() -> assertThat(node.snapshot().nodes()).filteredOn((view) -> view.status() == NodeStatus.UP)
						.extracting(NodeView::id)
						.containsExactly(ids));
	}

	private static @Nullable NodeStatus status(MeshNode node, String nodeId) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.id().equals(nodeId))
			.map(NodeView::status)
			.findFirst()
			.orElse(null);
	}

	private Map<String, Object> toJson(@Nullable Object value) {
		return this.jsonMapper.readValue(this.jsonMapper.writeValueAsString(value), new TypeReference<>() {
		});
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
		return (List<Map<String, Object>>) json.get(key);
	}

	/**
	 * The service every node offers; its one public method is its one endpoint.
	 */
	static class Greeter {

		public String hello(String name) {
			return "Hello " + name;
		}

	}

}
