/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.autoconfigure.LiteMeshProperties.Tcp;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@link LiteMeshProperties} to a {@link MeshNode.Builder}, checking every value
 * first so that a bad one fails startup with the property key rather than with a builder
 * argument name the user never wrote.
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
		builder.nodeId(nodeId());
		builder.cluster(requireText("cluster", properties.getCluster()));
		builder.tcpPort(requireRange("tcp.port", tcp.getPort(), -1, 65535));
		builder.bindAddress(optionalText("tcp.bind-address", tcp.getBindAddress()));
		builder.advertisedAddress(optionalText("tcp.advertised-address", tcp.getAdvertisedAddress()));
		builder.seeds(seeds(properties.getSeeds()));
		builder.requestTimeout(requirePositive("request-timeout", properties.getRequestTimeout()));
		builder.maxFrameSize(maxFrameSize(properties.getMaxFrameSize()));
		builder.maxHops(requireRange("max-hops", properties.getMaxHops(), 1, 255));
		builder.secret(secret(properties.getSecurity().getSecret()));
		String bundle = properties.getTcp().getSsl().getBundle();
		if (bundle != null) {
			// someone who names a bundle expects encryption: refuse rather than send in
			// clear
			throw invalid("tcp.ssl.bundle", bundle, "TLS is not supported yet; remove the property");
		}
		builder.advertiseInterval(requirePositive("advertise-interval", properties.getAdvertiseInterval()));
		builder.advertisementTtl(requirePositive("advertisement-ttl", properties.getAdvertisementTtl()));
		builder.keepAlive(requirePositive("tcp.keep-alive-interval", tcp.getKeepAliveInterval()),
				requirePositive("tcp.keep-alive-timeout", tcp.getKeepAliveTimeout()));
		builder.reconnectMaxBackoff(requirePositive("tcp.reconnect-max-backoff", tcp.getReconnectMaxBackoff()));
		builder.maxLinks(requireRange("tcp.max-links", tcp.getMaxLinks(), 2, 1024));
		builder.tcpEnabled(tcp.isEnabled());
	}

	private String nodeId() {
		String nodeId = this.properties.getNodeId();
		if (nodeId == null) {
			// A random suffix keeps the ids of several instances of one application apart
			String name = this.environment.getProperty("spring.application.name", "litemesh");
			return (StringUtils.hasText(name) ? name.trim() : "litemesh") + "-" + MeshNode.Builder.randomSuffix();
		}
		return requireText("node-id", nodeId);
	}

	private List<String> seeds(List<String> seeds) {
		for (String seed : seeds) {
			if (!StringUtils.hasText(seed)) {
				throw invalid("seeds", seeds, "Seeds must be 'host:port' addresses, none of them empty");
			}
		}
		return seeds.stream().map(String::trim).toList();
	}

	private int maxFrameSize(DataSize size) {
		// Frames are sized with an int on the wire and in Netty buffers
		if (size.toBytes() < 1024 || size.toBytes() > Integer.MAX_VALUE) {
			throw invalid("max-frame-size", size, "Size must be between 1KB and " + Integer.MAX_VALUE + "B");
		}
		return (int) size.toBytes();
	}

	private static String requireText(String key, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw invalid(key, value, "Value must not be empty");
		}
		return value.trim();
	}

	private static @Nullable String optionalText(String key, @Nullable String value) {
		return (value != null) ? requireText(key, value) : null;
	}

	private static @Nullable String secret(@Nullable String secret) {
		if (secret != null && secret.length() < 8) {
			// never echo a secret, not even a bad one
			throw invalid("security.secret", "(hidden)", "Secret must have at least 8 characters");
		}
		return secret;
	}

	private static int requireRange(String key, int value, int min, int max) {
		if (value < min || value > max) {
			throw invalid(key, value, "Value must be between " + min + " and " + max);
		}
		return value;
	}

	private static Duration requirePositive(String key, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(key, value, "Duration must be positive");
		}
		return value;
	}

	private static InvalidConfigurationPropertyValueException invalid(String key, @Nullable Object value,
			String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + key, value, reason);
	}

}
