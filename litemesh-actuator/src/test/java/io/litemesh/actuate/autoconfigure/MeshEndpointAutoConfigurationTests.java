/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.litemesh.MeshNode;
import io.litemesh.actuate.MeshEndpoint;
import io.litemesh.actuate.MeshEndpointWebExtension;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeshEndpointAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class MeshEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class, MeshEndpointAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void endpointNotExposedCreatesNoBeans() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MeshEndpoint.class)
			.doesNotHaveBean(MeshEndpointWebExtension.class));
	}

	@Test
	void endpointExposedOverWebCreatesEndpointAndWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mesh")
			.run((context) -> assertThat(context).hasSingleBean(MeshEndpoint.class)
				.hasSingleBean(MeshEndpointWebExtension.class));
	}

	@Test
	void endpointExposedOverJmxOnlyCreatesNoWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=mesh")
			.run((context) -> assertThat(context).hasSingleBean(MeshEndpoint.class)
				.doesNotHaveBean(MeshEndpointWebExtension.class));
	}

	@Test
	void endpointWithoutAccessCreatesNoBeans() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=mesh",
					"management.endpoint.mesh.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshEndpoint.class));
	}

	@Test
	void liteMeshDisabledCreatesNoBeans() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=mesh", "litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshEndpoint.class)
				.doesNotHaveBean(MeshEndpointWebExtension.class));
	}

	@Test
	void userEndpointBacksOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mesh")
			.withBean("customMeshEndpoint", MeshEndpoint.class,
					() -> new MeshEndpoint(MeshNode.builder().nodeId("other").tcpPort(-1).build()))
			.run((context) -> {
				assertThat(context).hasSingleBean(MeshEndpoint.class).hasBean("customMeshEndpoint");
				assertThat(context).hasSingleBean(MeshEndpointWebExtension.class);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointIsReadableOverJmx() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(JmxAutoConfiguration.class, EndpointAutoConfiguration.class,
					JmxEndpointAutoConfiguration.class, JacksonAutoConfiguration.class,
					JacksonEndpointAutoConfiguration.class))
			.withPropertyValues("spring.jmx.enabled=true", "spring.jmx.unique-names=true",
					"management.endpoints.jmx.exposure.include=mesh", "litemesh.node-id=jmx-node")
			.run((context) -> {
				MBeanServer server = context.getBean(MBeanServer.class);
				Set<ObjectName> names = server.queryNames(new ObjectName("*:type=Endpoint,name=Mesh,*"), null);
				assertThat(names).hasSize(1);
				ObjectName name = names.iterator().next();
				Object mesh = server.invoke(name, "mesh", new Object[0], new String[0]);
				assertThat(mesh).isInstanceOf(Map.class);
				assertThat((Map<String, Object>) mesh).containsKeys("node", "nodes", "links", "services");
				assertThat((Map<String, Object>) ((Map<String, Object>) mesh).get("node")).containsEntry("id",
						"jmx-node");
				Object node = server.invoke(name, "node", new Object[] { "jmx-node" },
						new String[] { String.class.getName() });
				assertThat((Map<String, Object>) node).containsKeys("node", "health");
			});
	}

}
