/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import io.litemesh.autoconfigure.MeshNodeBuilderCustomizer;
import io.litemesh.observation.MeshClientObservationConvention;
import io.litemesh.observation.MeshObservations;
import io.litemesh.observation.MeshServerObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that observes the node's calls in the application's
 * {@link ObservationRegistry}: {@code litemesh.client.requests} and
 * {@code litemesh.server.requests}, which Spring Boot turns into timers and, with
 * Micrometer Tracing, into spans of one trace across every hop. Conventions of the
 * application's own replace the defaults.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(before = LiteMeshAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "litemesh.enabled", matchIfMissing = true)
public final class MeshObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeshObservations meshObservations(ObservationRegistry registry,
			ObjectProvider<MeshClientObservationConvention> clientConvention,
			ObjectProvider<MeshServerObservationConvention> serverConvention) {
		return new MeshObservations(registry, clientConvention.getIfUnique(), serverConvention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(name = "meshObservationsCustomizer")
	MeshNodeBuilderCustomizer meshObservationsCustomizer(MeshObservations observations) {
		return (builder) -> builder.observations(observations);
	}

}
