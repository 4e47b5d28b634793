/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that, when Spring Cloud's {@link DiscoveryClient} is in the context
 * (Kubernetes, Consul, Eureka, ...), makes the other instances of the same application
 * ({@code spring.application.name}) seeds, besides {@code litemesh.seeds}. An instance's
 * mesh port is its metadata entry {@code litemesh.port}, else this node's
 * {@code litemesh.tcp.port}. The instances are read once, when the node is built: after
 * joining, the mesh's own membership tells every node of every other.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(before = LiteMeshAutoConfiguration.class,
		afterName = { "org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration",
				"org.springframework.cloud.client.discovery.composite.CompositeDiscoveryClientAutoConfiguration" })
@ConditionalOnClass(DiscoveryClient.class)
@ConditionalOnBean(DiscoveryClient.class)
@ConditionalOnBooleanProperty(name = "litemesh.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LiteMeshProperties.class)
public final class LiteMeshDiscoveryClientAutoConfiguration {

	/** Metadata entry of an instance that names its mesh port. */
	public static final String PORT_METADATA = "litemesh.port";

	/**
	 * Most instances taken as seeds: enough to join, bounded whatever the registry holds.
	 */
	static final int MAX_SEEDS = 64;

	private static final Log logger = LogFactory.getLog(LiteMeshDiscoveryClientAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "discoveryClientSeeds")
	MeshNodeBuilderCustomizer discoveryClientSeeds(DiscoveryClient discoveryClient, LiteMeshProperties properties,
			Environment environment) {
		return (builder) -> {
			String application = environment.getProperty("spring.application.name");
			if (application == null || application.isBlank()) {
				return;
			}
			List<String> seeds = new ArrayList<>(properties.getSeeds());
			int ownPort = properties.getTcp().getPort();
			int found = 0;
			for (ServiceInstance instance : discoveryClient.getInstances(application)) {
				String port = instance.getMetadata().get(PORT_METADATA);
				if (port == null && ownPort <= 0) {
					continue;
				}
				if (found == MAX_SEEDS) {
					break;
				}
				found++;
				String host = instance.getHost().contains(":") ? "[" + instance.getHost() + "]" : instance.getHost();
				seeds.add(host + ":" + ((port != null) ? port : String.valueOf(ownPort)));
			}
			logger.info("LiteMesh seeds from the DiscoveryClient: " + found + " instance(s) of '" + application + "'");
			builder.seeds(seeds);
		};
	}

}
