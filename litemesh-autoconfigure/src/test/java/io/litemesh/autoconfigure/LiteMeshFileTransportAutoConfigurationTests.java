/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.test.TestMesh;
import io.litemesh.view.TransportHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LiteMeshFileTransportAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class LiteMeshFileTransportAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LiteMeshAutoConfiguration.class, LiteMeshFileTransportAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=-1");

	@TempDir
	Path directory;

	@Test
	void withoutADirectoryTheNodeHasNoFileTransport() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean("liteMeshFileTransportCustomizer");
			assertThat(context.getBean(MeshNode.class).health().transports()).isNull();
		});
	}

	@Test
	void directoryAddsTheFileTransport() {
		this.contextRunner
			.withPropertyValues("litemesh.file.directory=" + this.directory, "litemesh.node-id=alpha",
					"litemesh.cluster=blue")
			.run((context) -> {
				assertThat(context).hasBean("liteMeshFileTransportCustomizer");
				MeshNode node = context.getBean(MeshNode.class);
				assertThat(transports(node)).singleElement()
					.satisfies((transport) -> assertThat(transport).extracting("transport", "status")
						.containsExactly("file", "UP"));
				assertThat(this.directory.resolve("registry").resolve("blue").resolve("alpha.json")).exists();
			});
		assertThat(this.directory.resolve("registry").resolve("blue").resolve("alpha.json"))
			.as("checked out when the context closed")
			.doesNotExist();
	}

	@Test
	void nodesThatShareOnlyTheDirectoryFindEachOther() {
		ApplicationContextRunner shared = this.contextRunner.withPropertyValues(
				"litemesh.file.directory=" + this.directory,
				"litemesh.cluster=shared-" + MeshNode.Builder.randomSuffix());
		shared.withPropertyValues("litemesh.node-id=one").run((one) -> {
			shared.withPropertyValues("litemesh.node-id=two").run((two) -> {
				MeshNode node = one.getBean(MeshNode.class);
				await().atMost(Duration.ofSeconds(15))
					.until(() -> TestMesh.upNodes(node).equals(List.of("one", "two")));
				assertThat(node.snapshot().links()).singleElement()
					.satisfies((link) -> assertThat(link.transport()).isEqualTo("file"));
			});
		});
	}

	@Test
	void userCustomizerOfTheSameNameBacksOff() {
		this.contextRunner.withPropertyValues("litemesh.file.directory=" + this.directory)
			.withBean("liteMeshFileTransportCustomizer", MeshNodeBuilderCustomizer.class, () -> (builder) -> {
			})
			.run((context) -> assertThat(context.getBean(MeshNode.class).health().transports()).isNull());
	}

	@Test
	void otherCustomizersDoNotMakeItBackOff() {
		this.contextRunner.withPropertyValues("litemesh.file.directory=" + this.directory)
			.withBean("myCustomizer", MeshNodeBuilderCustomizer.class, () -> (builder) -> builder.maxHops(4))
			.run((context) -> assertThat(context).hasBean("liteMeshFileTransportCustomizer"));
	}

	@Test
	void disabledMeshHasNoFileTransport() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false", "litemesh.file.directory=" + this.directory)
			.run((context) -> assertThat(context).doesNotHaveBean("liteMeshFileTransportCustomizer")
				.doesNotHaveBean(MeshNode.class));
	}

	@Test
	void blankDirectoryFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("litemesh.file.directory= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("litemesh.file.directory"));
	}

	private static List<TransportHealth> transports(MeshNode node) {
		List<TransportHealth> transports = node.health().transports();
		return (transports != null) ? transports : List.of();
	}

}
