/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.time.Duration;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring application under test joins a {@link TestMesh} through
 * {@link TestMesh#joining()}, in memory, and calls and is called by the mesh's nodes.
 */
class TestMeshApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void anApplicationContextIsANodeOfTheMesh() {
		try (TestMesh mesh = TestMesh.inMemory()) {
			MeshNode pricing = mesh.start("pricing", new Pricing());
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class))
				.withPropertyValues("litemesh.node-id=orders")
				.withBean(MeshNodeBuilderCustomizer.class, () -> mesh.joining()::accept)
				.withUserConfiguration(OrdersApplication.class)
				.run((context) -> {
					MeshNode orders = context.getBean(MeshNode.class);
					assertThat(orders.addresses()).singleElement().asString().startsWith("memory://");
					await().atMost(TIMEOUT)
						.until(() -> TestMesh.upNodes(pricing).contains("orders")
								&& TestMesh.upNodes(orders).contains("pricing"));
					MeshTemplate fromApplication = context.getBean(MeshTemplate.class);
					assertThat(fromApplication.request(Target.anycast("pricing"), "quote", "book", Integer.class)
						.block(TIMEOUT)).isEqualTo(42);
					assertThat(mesh.template("pricing")
						.request(Target.unicast("orders", "orders"), "count", null, Integer.class)
						.block(TIMEOUT)).isEqualTo(7);
				});
		}
	}

	@MeshService("pricing")
	static class Pricing {

		public int quote(String item) {
			return 42;
		}

	}

	@MeshService("orders")
	static class Orders {

		public int count() {
			return 7;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersApplication {

		@Bean
		Orders orders() {
			return new Orders();
		}

	}

}
