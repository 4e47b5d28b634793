/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.rsocket.RSocketRequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The built-in service {@code mesh} that every node serves stock clients: the mesh and
 * any node's state as the Actuator endpoint shows them, on a line a - b - c where the
 * client talks to a and c is two hops away.
 */
class MeshBuiltInServiceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static TestMesh mesh;

	private static MeshNode a;

	private static RSocketRequester anonymous;

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp().restricted();
		a = mesh.start("a", (builder) -> builder.accessRule("greeter", "*"));
		MeshNode b = mesh.startLinked("b", a);
		mesh.startLinked("c", b, new Greeter("c"));
		mesh.awaitConverged();
		anonymous = StockClients.requester(a, null);
	}

	@AfterAll
	static void stopMesh() {
		anonymous.dispose();
		mesh.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void snapshotIsTheMeshEndpointsDocument() {
		Map<String, Object> json = anonymous.route("mesh.snapshot").retrieveMono(JSON).block(TIMEOUT);
		assertThat(json).containsOnlyKeys("node", "nodes", "links", "services");
		assertThat((Map<String, Object>) json.get("node")).containsEntry("id", "a").containsEntry("status", "UP");
		assertThat((List<Map<String, Object>>) json.get("nodes")).extracting((node) -> node.get("id"))
			.containsExactly("a", "b", "c");
		assertThat((List<Map<String, Object>>) json.get("links")).extracting((link) -> link.get("transport"))
			.containsOnly("tcp")
			.hasSize(2);
		assertThat((List<Map<String, Object>>) json.get("services"))
			.containsExactly(Map.of("name", "greeter", "nodes", List.of("c")));
		// the same document the core describes for the Actuator endpoint
		assertThat(json)
			.isEqualTo(JsonMapper.shared().convertValue(io.litemesh.view.MeshDescription.of(a.snapshot()), Map.class));
	}

	@Test
	@SuppressWarnings("unchecked")
	void nodeAnswersAnyNodesStateThroughTheMesh() {
		Map<String, Object> json = anonymous.route("mesh.node").data("\"c\"").retrieveMono(JSON).block(TIMEOUT);
		assertThat(json).containsOnlyKeys("node", "health");
		assertThat((Map<String, Object>) json.get("node")).containsEntry("id", "c");
		assertThat((List<Map<String, Object>>) ((Map<String, Object>) json.get("node")).get("services"))
			.extracting((service) -> service.get("name"))
			.containsExactly("greeter");
		assertThat((Map<String, Object>) json.get("health")).containsEntry("status", "UP").containsEntry("nodeId", "c");
	}

	@Test
	void unknownNodeAndBadPayloadAreClearErrors() {
		StepVerifier.create(anonymous.route("mesh.node").data("\"zz\"").retrieveMono(String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("Node 'zz' is unknown"))
			.verify(TIMEOUT);
		StepVerifier.create(anonymous.route("mesh.node").data("42").retrieveMono(String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("node id as a JSON string"))
			.verify(TIMEOUT);
		StepVerifier.create(anonymous.route("mesh.nodes").retrieveMono(String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("[node, snapshot]"))
			.verify(TIMEOUT);
	}

	@Test
	void accessRuleOfMeshAppliesToItsRoutes() {
		MeshNode guarded = mesh.start("guarded", (builder) -> builder.accessRule("mesh", "client:ops"));
		RSocketRequester requester = StockClients.requester(guarded, null);
		try {
			StepVerifier.create(requester.route("mesh.snapshot").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("litemesh.security.access.mesh"))
				.verify(TIMEOUT);
		}
		finally {
			requester.dispose();
		}
	}

	@Test
	void userServiceNamedMeshIsRefused() {
		MeshNode node = MeshNode.builder().nodeId("x").tcpPort(0).build();
		assertThatIllegalStateException().isThrownBy(() -> node.registerService("mesh", "", Map.of(), new Greeter("x")))
			.withMessageContaining("built-in service 'mesh'");
	}

}
