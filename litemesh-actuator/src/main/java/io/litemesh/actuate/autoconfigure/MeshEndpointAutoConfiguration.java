/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.actuate.MeshEndpoint;
import io.litemesh.actuate.MeshEndpointWebExtension;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link MeshEndpoint}.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = LiteMeshAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(MeshEndpoint.class)
@ConditionalOnBean(MeshNode.class)
public final class MeshEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeshEndpoint meshEndpoint(MeshNode meshNode) {
		return new MeshEndpoint(meshNode);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MeshEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	MeshEndpointWebExtension meshEndpointWebExtension(MeshEndpoint meshEndpoint) {
		return new MeshEndpointWebExtension(meshEndpoint);
	}

}
