/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.MeshOperations;
import io.litemesh.MeshTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for LiteMesh: a {@link MeshNode} built from
 * {@link LiteMeshProperties}, the {@link MeshTemplate} that applications inject, and the
 * {@link MeshNodeLifecycle} that offers the {@link io.litemesh.MeshService @MeshService}
 * beans and starts the node.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = { JacksonAutoConfiguration.class, SslAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "litemesh.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LiteMeshProperties.class)
public final class LiteMeshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeshNode meshNode(LiteMeshProperties properties, Environment environment, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<MeshNodeBuilderCustomizer> customizers) {
		MeshNode.Builder builder = MeshNode.builder();
		new MeshNodeBuilderConfigurer(properties, environment, sslBundles.getIfAvailable()).configure(builder);
		// Payloads use the application's own mapper, so its modules and settings apply
		jsonMapper.ifUnique(builder::jsonMapper);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return MeshNodeBuilderConfigurer.build(builder);
	}

	@Bean
	@ConditionalOnMissingBean(MeshOperations.class)
	MeshTemplate meshTemplate(MeshNode meshNode) {
		return new MeshTemplate(meshNode);
	}

	@Bean
	@ConditionalOnClass(
			name = { "org.springframework.http.client.ReactorResourceFactory", "reactor.netty.http.HttpResources" })
	@ConditionalOnMissingBean
	static IsolatedReactorResourcesPostProcessor isolatedReactorResourcesPostProcessor() {
		return new IsolatedReactorResourcesPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	MeshNodeLifecycle meshNodeLifecycle(MeshNode meshNode, ListableBeanFactory beanFactory) {
		return new MeshNodeLifecycle(meshNode, beanFactory);
	}

}
