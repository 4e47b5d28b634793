/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import io.litemesh.Target;
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
 * Three WebFlux applications that are nodes, in one JVM: closing one context leaves the
 * others' web servers and mesh connections working, whatever Reactor Netty shares.
 *
 * @author LiteMesh team
 */
class IndependentContextsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void closingOneContextDisturbsNoOther() {
		String cluster = "independent-" + MeshNode.Builder.randomSuffix();
		ConfigurableApplicationContext a = start("a", cluster, null);
		String seed = a.getBean(MeshNode.class).addresses().get(0);
		ConfigurableApplicationContext b = start("b", cluster, seed);
		ConfigurableApplicationContext c = start("c", cluster, seed);
		try {
			MeshNode nodeA = a.getBean(MeshNode.class);
			await().atMost(TIMEOUT)
				.until(() -> nodeA.snapshot().services().getOrDefault("greeter", List.of()).size() == 3);
			c.close();
			for (ConfigurableApplicationContext context : List.of(a, b)) {
				WebTestClient client = WebTestClient.bindToServer()
					.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
					.responseTimeout(TIMEOUT)
					.build();
				client.get().uri("/actuator/health").exchange().expectStatus().isOk();
			}
			MeshOperations mesh = a.getBean(MeshOperations.class);
			assertThat(mesh.request(Target.unicast("b", "greeter"), "whoami", null, String.class).block(TIMEOUT))
				.isEqualTo("b");
		}
		finally {
			b.close();
			a.close();
		}
	}

	private static ConfigurableApplicationContext start(String id, String cluster, String seed) {
		return new SpringApplicationBuilder(NodeConfiguration.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1", "management.endpoints.web.exposure.include=health",
					"litemesh.node-id=" + id, "litemesh.cluster=" + cluster, "litemesh.tcp.port=0",
					"litemesh.seeds=" + ((seed != null) ? seed.substring("tcp://".length()) : ""),
					"spring.main.banner-mode=off")
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class NodeConfiguration {

		@Bean
		Greeter greeter(MeshOperations mesh) {
			return new Greeter(mesh);
		}

	}

	@MeshService("greeter")
	static class Greeter {

		private final MeshOperations mesh;

		Greeter(MeshOperations mesh) {
			this.mesh = mesh;
		}

		public String whoami() {
			return this.mesh.nodeId();
		}

	}

}
