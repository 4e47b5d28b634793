/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.actuate.MeshMetrics;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link MeshMetrics}; Spring Boot binds it to every meter
 * registry.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = LiteMeshAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeshNode.class)
public final class MeshMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeshMetrics meshMetrics(MeshNode meshNode) {
		return new MeshMetrics(meshNode);
	}

}
