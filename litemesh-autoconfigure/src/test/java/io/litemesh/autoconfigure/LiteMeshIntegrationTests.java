/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.litemesh.MeshContext;
import io.litemesh.MeshNode;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import io.litemesh.Target;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests that start three Spring Boot applications on loopback, each one a
 * node, and call services between them through the injected {@link MeshOperations}.
 *
 * @author LiteMesh team
 */
class LiteMeshIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void closeContexts() {
		Collections.reverse(this.contexts);
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void anycastReachesServiceOnAnotherNode() {
		ConfigurableApplicationContext a = start("it-a", GreeterConfiguration.class, null);
		String seed = seedOf(a);
		ConfigurableApplicationContext b = start("it-b", RelayConfiguration.class, seed);
		ConfigurableApplicationContext c = start("it-c", ClientConfiguration.class, seed);
		awaitService(c, "greeter", "it-a");
		awaitService(c, "relay", "it-b");
		MeshOperations mesh = c.getBean(MeshOperations.class);
		assertThat(mesh.nodeId()).isEqualTo("it-c");
		String greeting = mesh.request(Target.anycast("greeter"), "hello", "Ada", String.class).block(TIMEOUT);
		assertThat(greeting).isEqualTo("Hello Ada from it-a, asked by it-c");
		// A service that itself injects the mesh: c -> b -> a
		awaitService(b, "greeter", "it-a");
		String relayed = mesh.request(Target.anycast("relay"), "relay", "Grace", String.class).block(TIMEOUT);
		assertThat(relayed).isEqualTo("it-b relayed: Hello Grace from it-a, asked by it-b");
	}

	@Test
	void nodeLeavesMeshWhenContextCloses() {
		ConfigurableApplicationContext a = start("it-leave-a", ClientConfiguration.class, null);
		ConfigurableApplicationContext b = start("it-leave-b", GreeterConfiguration.class, seedOf(a));
		awaitService(a, "greeter", "it-leave-b");
		b.close();
		await().atMost(TIMEOUT)
			.untilAsserted(
					() -> assertThat(a.getBean(MeshNode.class).snapshot().services()).doesNotContainKey("greeter"));
	}

	private ConfigurableApplicationContext start(String nodeId, Class<?> configuration, @Nullable String seed) {
		List<String> properties = new ArrayList<>(
				List.of("litemesh.node-id=" + nodeId, "litemesh.tcp.port=0", "litemesh.tcp.bind-address=127.0.0.1",
						"litemesh.tcp.advertised-address=127.0.0.1", "spring.main.banner-mode=off"));
		if (seed != null) {
			properties.add("litemesh.seeds=" + seed);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(configuration)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		return context;
	}

	private static String seedOf(ConfigurableApplicationContext context) {
		URI address = URI.create(context.getBean(MeshNode.class).addresses().get(0));
		return address.getHost() + ":" + address.getPort();
	}

	private static void awaitService(ConfigurableApplicationContext context, String service, String nodeId) {
		MeshNode node = context.getBean(MeshNode.class);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(node.snapshot().services()).containsEntry(service, List.of(nodeId)));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, LiteMeshAutoConfiguration.class })
	static class ClientConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, LiteMeshAutoConfiguration.class })
	static class GreeterConfiguration {

		@Bean
		Greeter greeter(MeshOperations mesh) {
			return new Greeter(mesh);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, LiteMeshAutoConfiguration.class })
	static class RelayConfiguration {

		@Bean
		Relay relay(MeshOperations mesh) {
			return new Relay(mesh);
		}

	}

	@MeshService(name = "greeter", version = "1")
	public static class Greeter {

		private final MeshOperations mesh;

		Greeter(MeshOperations mesh) {
			this.mesh = mesh;
		}

		public String hello(String name, MeshContext context) {
			return "Hello " + name + " from " + this.mesh.nodeId() + ", asked by " + context.callerNodeId();
		}

	}

	@MeshService("relay")
	public static class Relay {

		private final MeshOperations mesh;

		Relay(MeshOperations mesh) {
			this.mesh = mesh;
		}

		public Mono<String> relay(String name) {
			return this.mesh.request(Target.anycast("greeter"), "hello", name, String.class)
				.map((greeting) -> this.mesh.nodeId() + " relayed: " + greeting);
		}

	}

}
