/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.litemesh.MeshNode;
import io.litemesh.view.NodeStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LiteMeshDiscoveryClientAutoConfiguration}: Spring Cloud's simple
 * discovery client lists the instances of the application, one of them a running node.
 *
 * @author LiteMesh team
 */
class LiteMeshDiscoveryClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(UtilAutoConfiguration.class, SimpleDiscoveryClientAutoConfiguration.class,
						LiteMeshDiscoveryClientAutoConfiguration.class, LiteMeshAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0", "litemesh.tcp.bind-address=127.0.0.1");

	@Test
	void instancesOfTheSameApplicationAreSeeds() {
		String cluster = "cloud-" + MeshNode.Builder.randomSuffix();
		MeshNode other = MeshNode.builder()
			.nodeId("shop-other")
			.cluster(cluster)
			.tcpPort(0)
			.bindAddress("127.0.0.1")
			.build()
			.start();
		try {
			int port = URI.create(other.addresses().get(0)).getPort();
			this.contextRunner
				.withPropertyValues("spring.application.name=shop", "litemesh.node-id=shop-this",
						"litemesh.cluster=" + cluster,
						"spring.cloud.discovery.client.simple.instances.shop[0].uri=http://127.0.0.1:18080",
						"spring.cloud.discovery.client.simple.instances.shop[0].metadata.litemesh.port=" + port,
						"spring.cloud.discovery.client.simple.instances.billing[0].uri=http://127.0.0.1:1")
				.run((context) -> {
					assertThat(context).hasBean("discoveryClientSeeds");
					MeshNode node = context.getBean(MeshNode.class);
					assertThat(node.settings().seeds()).containsExactly("127.0.0.1:" + port);
					await().atMost(Duration.ofSeconds(15))
						.until(() -> node.snapshot()
							.nodes()
							.stream()
							.anyMatch((view) -> view.id().equals("shop-other") && view.status() == NodeStatus.UP));
				});
		}
		finally {
			other.stop();
		}
	}

	@Test
	void instancesWithoutAMeshPortAreLeftOutWhenThisNodesPortIsEphemeral() {
		this.contextRunner
			.withPropertyValues("spring.application.name=shop", "litemesh.seeds=10.0.0.9:7070",
					"spring.cloud.discovery.client.simple.instances.shop[0].uri=http://127.0.0.1:18080")
			.run((context) -> assertThat(context.getBean(MeshNode.class).settings().seeds())
				.containsExactly("10.0.0.9:7070"));
	}

	@Test
	void withoutSpringCloudNothingChanges() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DiscoveryClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean("discoveryClientSeeds"));
	}

}
