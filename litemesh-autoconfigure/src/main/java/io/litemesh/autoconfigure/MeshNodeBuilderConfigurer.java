/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.InvalidMeshSettingException;
import io.litemesh.MeshNode;
import io.litemesh.MeshSecurity;
import io.litemesh.MulticastDiscovery;
import io.litemesh.autoconfigure.LiteMeshProperties.Discovery.Multicast;
import io.litemesh.autoconfigure.LiteMeshProperties.Security;
import io.litemesh.autoconfigure.LiteMeshProperties.Tcp;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
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

	private final @Nullable SslBundles sslBundles;

	MeshNodeBuilderConfigurer(LiteMeshProperties properties, Environment environment, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.environment = environment;
		this.sslBundles = sslBundles;
	}

	/**
	 * Configure the builder from the properties.
	 * @param builder the builder to configure
	 * @throws InvalidConfigurationPropertyValueException when a property has a bad value
	 */
	void configure(MeshNode.Builder builder) {
		LiteMeshProperties properties = this.properties;
		Tcp tcp = properties.getTcp();
		String bundle = trim(tcp.getSsl().getBundle());
		if (StringUtils.hasText(bundle) && tcp.isEnabled()) {
			builder.tls(SslBundleTcpTls.of(bundle, tcp.getSsl().getClientAuth(), this.sslBundles));
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
			.allowUnauthenticated(properties.getSecurity().isAllowUnauthenticated())
			.advertiseInterval(properties.getAdvertiseInterval())
			.advertisementTtl(properties.getAdvertisementTtl())
			.keepAlive(tcp.getKeepAliveInterval(), tcp.getKeepAliveTimeout())
			.reconnectMaxBackoff(tcp.getReconnectMaxBackoff())
			.maxLinks(tcp.getMaxLinks())
			.ioThreads(tcp.getIoThreads())
			.tcpEnabled(tcp.isEnabled());
		try {
			Multicast multicast = properties.getDiscovery().getMulticast();
			builder.multicast(new MulticastDiscovery(multicast.isEnabled(), multicast.getGroup(), multicast.getPort()));
			builder.settings();
			security(builder, properties.getSecurity());
		}
		catch (InvalidMeshSettingException ex) {
			throw invalid(ex);
		}
	}

	/**
	 * Build the node, naming the property behind a bad setting, such as a bind address
	 * that would open an unauthenticated node to the network.
	 * @param builder the configured builder
	 * @return the node
	 * @throws InvalidConfigurationPropertyValueException when a property has a bad value
	 */
	static MeshNode build(MeshNode.Builder builder) {
		try {
			return builder.build();
		}
		catch (InvalidMeshSettingException ex) {
			throw invalid(ex);
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(InvalidMeshSettingException ex) {
		return new InvalidConfigurationPropertyValueException(ex.property(), ex.value(), "Value " + ex.reason());
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
