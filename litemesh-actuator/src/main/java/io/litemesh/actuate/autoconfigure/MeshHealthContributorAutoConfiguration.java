/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.actuate.MeshHealthIndicator;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link MeshHealthIndicator}, contributed as {@code mesh}.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = LiteMeshAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("mesh")
@ConditionalOnBean(MeshNode.class)
public final class MeshHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "meshHealthIndicator", "meshHealthContributor" })
	MeshHealthIndicator meshHealthIndicator(MeshNode meshNode) {
		return new MeshHealthIndicator(meshNode);
	}

}
