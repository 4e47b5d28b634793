/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.actuate.ui.MeshGraphPage;
import io.litemesh.actuate.ui.ReactiveMeshGraphPageRouterFunction;
import io.litemesh.actuate.ui.ServletMeshGraphPageRouterFunction;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link MeshGraphPage}, served at {@code litemesh.ui.path}
 * by WebFlux or Spring MVC, whichever the application runs. The page is served even where
 * the {@code mesh} endpoint is not exposed over HTTP, so that it can say so.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = { LiteMeshAutoConfiguration.class, WebEndpointAutoConfiguration.class })
@ConditionalOnClass(WebEndpointProperties.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "litemesh.ui.enabled", matchIfMissing = true)
@ConditionalOnBean(MeshNode.class)
@EnableConfigurationProperties({ LiteMeshUiProperties.class, WebEndpointProperties.class })
public final class MeshGraphPageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeshGraphPage meshGraphPage(LiteMeshUiProperties properties, WebEndpointProperties endpoints) {
		return new MeshGraphPage(properties.getPath(), meshEndpointPath(endpoints));
	}

	/**
	 * Path of the {@code mesh} endpoint on the application's server, after
	 * {@code management.endpoints.web.base-path} and {@code path-mapping.mesh}.
	 */
	static String meshEndpointPath(WebEndpointProperties endpoints) {
		String mapped = endpoints.getPathMapping().getOrDefault("mesh", "mesh");
		return endpoints.getBasePath() + "/" + (mapped.startsWith("/") ? mapped.substring(1) : mapped);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveGraphPageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMeshGraphPageRouterFunction meshGraphPageRouterFunction(MeshGraphPage page) {
			return new ReactiveMeshGraphPageRouterFunction(page);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletGraphPageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServletMeshGraphPageRouterFunction meshGraphPageRouterFunction(MeshGraphPage page) {
			return new ServletMeshGraphPageRouterFunction(page);
		}

	}

}
