/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.actuate.MeshHealthIndicator;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeshHealthContributorAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class MeshHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LiteMeshAutoConfiguration.class, MeshHealthContributorAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void healthIndicatorIsUpWhileNodeRuns() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MeshHealthIndicator.class).hasBean("meshHealthIndicator");
			Health health = context.getBean(MeshHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKeys("peersKnown", "peersReachable");
		});
	}

	@Test
	void healthIndicatorDisabled() {
		this.contextRunner.withPropertyValues("management.health.mesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshHealthIndicator.class));
	}

	@Test
	void healthIndicatorsDisabledByDefault() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshHealthIndicator.class));
	}

	@Test
	void liteMeshDisabled() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshHealthIndicator.class));
	}

	@Test
	void userHealthIndicatorBacksOff() {
		this.contextRunner
			.withBean("meshHealthIndicator", HealthIndicator.class, () -> () -> Health.outOfService().build())
			.run((context) -> assertThat(context).doesNotHaveBean(MeshHealthIndicator.class));
	}

}
