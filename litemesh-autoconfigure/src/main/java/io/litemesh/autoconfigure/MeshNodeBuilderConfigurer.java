/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.InvalidMeshSettingException;
import io.litemesh.MeshNode;
import io.litemesh.MeshSecurity;
import io.litemesh.autoconfigure.LiteMeshProperties.Security;
import io.litemesh.autoconfigure.LiteMeshProperties.Tcp;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@link LiteMeshProperties} to a {@link MeshNode.Builder} and validates the
 * result with the core's own checks ({@link io.litemesh.MeshSettings}), so that a bad
 * value fails startup with the property key rather than with a setting name the user
 * never wrote.
 *
 * @author LiteMesh team
 */
final class MeshNodeBuilderConfigurer {

	private static final String PREFIX = "litemesh.";

	private final LiteMeshProperties properties;

	private final Environment environment;

	MeshNodeBuilderConfigurer(LiteMeshProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Configure the builder from the properties.
	 * @param builder the builder to configure
	 * @throws InvalidConfigurationPropertyValueException when a property has a bad value
	 */
	void configure(MeshNode.Builder builder) {
		LiteMeshProperties properties = this.properties;
		Tcp tcp = properties.getTcp();
		String bundle = tcp.getSsl().getBundle();
		if (bundle != null) {
			// someone who names a bundle expects encryption: refuse rather than send in
			// clear
			throw invalid("tcp.ssl.bundle", bundle, "TLS is not supported yet; remove the property");
		}
		builder.nodeId(nodeId())
			.cluster(trim(properties.getCluster()))
			.tcpPort(tcp.getPort())
			.bindAddress(trim(tcp.getBindAddress()))
			.advertisedAddress(trim(tcp.getAdvertisedAddress()))
			.seeds(properties.getSeeds())
			.requestTimeout(properties.getRequestTimeout())
			.maxFrameSize(maxFrameSize(properties.getMaxFrameSize()))
			.maxHops(properties.getMaxHops())
			.secret(properties.getSecurity().getSecret())
			.advertiseInterval(properties.getAdvertiseInterval())
			.advertisementTtl(properties.getAdvertisementTtl())
			.keepAlive(tcp.getKeepAliveInterval(), tcp.getKeepAliveTimeout())
			.reconnectMaxBackoff(tcp.getReconnectMaxBackoff())
			.maxLinks(tcp.getMaxLinks())
			.tcpEnabled(tcp.isEnabled());
		try {
			builder.settings();
			security(builder, properties.getSecurity());
		}
		catch (InvalidMeshSettingException ex) {
			throw new InvalidConfigurationPropertyValueException(ex.property(), ex.value(), "Value " + ex.reason());
		}
	}

	/**
	 * Apply client tokens and access rules, checked together first (a token used by two
	 * clients, say), so that the error names the key; a token is never shown.
	 */
	private static void security(MeshNode.Builder builder, Security security) {
		MeshSecurity.of(security.getClients(), security.getAccess());
		security.getClients().forEach(builder::clientToken);
		security.getAccess().forEach(builder::accessRule);
	}

	private String nodeId() {
		String nodeId = this.properties.getNodeId();
		if (nodeId == null) {
			// A random suffix keeps the ids of several instances of one application apart
			String name = this.environment.getProperty("spring.application.name", "litemesh");
			return (StringUtils.hasText(name) ? name.trim() : "litemesh") + "-" + MeshNode.Builder.randomSuffix();
		}
		return nodeId.trim();
	}

	private static int maxFrameSize(DataSize size) {
		// Frames are sized with an int on the wire and in Netty buffers
		if (size.toBytes() > Integer.MAX_VALUE) {
			throw invalid("max-frame-size", size, "Size must be between 1KB and " + Integer.MAX_VALUE + "B");
		}
		return (int) size.toBytes();
	}

	private static @Nullable String trim(@Nullable String value) {
		return (value != null) ? value.trim() : null;
	}

	private static InvalidConfigurationPropertyValueException invalid(String key, @Nullable Object value,
			String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + key, value, reason);
	}

}
