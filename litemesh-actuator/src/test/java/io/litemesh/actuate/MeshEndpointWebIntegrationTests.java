/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the {@code mesh} endpoint over HTTP: a WebFlux application that
 * is a node, and a second node without a web server that joins it. Both start once for
 * all tests, which only read.
 *
 * @author LiteMesh team
 */
class MeshEndpointWebIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static ConfigurableApplicationContext web;

	private static ConfigurableApplicationContext other;

	private static WebTestClient client;

	@BeforeAll
	static void startNodes() {
		web = new SpringApplicationBuilder(WebNodeConfiguration.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "management.endpoints.web.exposure.include=mesh,health",
					"management.endpoint.health.show-details=always", "litemesh.node-id=web-a", "litemesh.cluster=demo",
					"litemesh.tcp.port=0", "litemesh.tcp.bind-address=127.0.0.1",
					"litemesh.tcp.advertised-address=127.0.0.1", "spring.main.banner-mode=off")
			.run();
		URI address = URI.create(web.getBean(MeshNode.class).addresses().get(0));
		other = new SpringApplicationBuilder(OtherNodeConfiguration.class).web(WebApplicationType.NONE)
			.properties("litemesh.node-id=web-b", "litemesh.cluster=demo", "litemesh.tcp.port=0",
					"litemesh.tcp.bind-address=127.0.0.1", "litemesh.tcp.advertised-address=127.0.0.1",
					"litemesh.seeds=" + address.getHost() + ":" + address.getPort(), "spring.main.banner-mode=off")
			.run();
		String port = web.getEnvironment().getProperty("local.server.port");
		client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT).build();
		MeshNode node = web.getBean(MeshNode.class);
		await().atMost(TIMEOUT)
			.untilAsserted(
					() -> assertThat(node.snapshot().services()).containsEntry("greeter", List.of("web-a", "web-b")));
	}

	@AfterAll
	static void stopNodes() {
		if (other != null) {
			other.close();
		}
		if (web != null) {
			web.close();
		}
	}

	@Test
	void meshShowsTheWholeMesh() {
		client.get()
			.uri("/actuator/mesh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.node.id")
			.isEqualTo("web-a")
			.jsonPath("$.node.cluster")
			.isEqualTo("demo")
			.jsonPath("$.node.status")
			.isEqualTo("UP")
			.jsonPath("$.node.addresses[0]")
			.value((String address) -> assertThat(address).startsWith("tcp://127.0.0.1:"))
			.jsonPath("$.node.services[0].name")
			.isEqualTo("greeter")
			.jsonPath("$.node.services[0].version")
			.isEqualTo("1")
			.jsonPath("$.node.services[0].endpoints[0]")
			.isEqualTo("hello")
			.jsonPath("$.node.services[0].tags")
			.isMap()
			.jsonPath("$.nodes.length()")
			.isEqualTo(2)
			.jsonPath("$.nodes[?(@.id == 'web-b')].status")
			.isEqualTo(List.of("UP"))
			.jsonPath("$.nodes[?(@.id == 'web-b')].services[0]")
			.isEqualTo(List.of("greeter"))
			.jsonPath("$.nodes[?(@.id == 'web-a')].services[0]")
			.isEqualTo(List.of("greeter"))
			.jsonPath("$.links.length()")
			.isEqualTo(1)
			.jsonPath("$.links[0].transport")
			.isEqualTo("tcp")
			.jsonPath("$.links[0].from")
			.value((String from) -> assertThat(from).isIn("web-a", "web-b"))
			.jsonPath("$.links[0].to")
			.value((String to) -> assertThat(to).isIn("web-a", "web-b"))
			.jsonPath("$.services[0].name")
			.isEqualTo("greeter")
			.jsonPath("$.services[0].nodes")
			.isEqualTo(List.of("web-a", "web-b"));
	}

	@Test
	void nodeShowsOwnNodeAndHealth() {
		client.get()
			.uri("/actuator/mesh/web-a")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.node.id")
			.isEqualTo("web-a")
			.jsonPath("$.node.services[0].name")
			.isEqualTo("greeter")
			.jsonPath("$.health.status")
			.isEqualTo("UP")
			.jsonPath("$.health.peersKnown")
			.isEqualTo(1);
	}

	@Test
	void nodeShowsOtherNodeThroughTheMesh() {
		client.get()
			.uri("/actuator/mesh/web-b")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.node.id")
			.isEqualTo("web-b")
			.jsonPath("$.node.services[0].name")
			.isEqualTo("greeter")
			.jsonPath("$.node.services[0].version")
			.isEqualTo("2")
			.jsonPath("$.health.status")
			.isEqualTo("UP");
	}

	@Test
	void nodeOfUnknownNodeIsNotFound() {
		client.get().uri("/actuator/mesh/unknown").exchange().expectStatus().isNotFound();
	}

	@Test
	void healthShowsMeshComponent() {
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.mesh.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mesh.details.peersKnown")
			.isEqualTo(1)
			.jsonPath("$.components.mesh.details.peersReachable")
			.isEqualTo(1);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebNodeConfiguration {

		@Bean
		Greeter greeter() {
			return new Greeter("web-a");
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OtherNodeConfiguration {

		@Bean
		OtherGreeter greeter() {
			return new OtherGreeter("web-b");
		}

	}

	@MeshService(name = "greeter", version = "1")
	public static class Greeter {

		private final String nodeId;

		Greeter(String nodeId) {
			this.nodeId = nodeId;
		}

		public String hello(String name) {
			return "Hello " + name + " from " + this.nodeId;
		}

	}

	@MeshService(name = "greeter", version = "2")
	public static class OtherGreeter extends Greeter {

		OtherGreeter(String nodeId) {
			super(nodeId);
		}

	}

}
