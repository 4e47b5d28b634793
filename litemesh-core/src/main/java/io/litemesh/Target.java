/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whom a call goes to: one named node ({@link #unicast unicast}), any node offering a
 * service ({@link #anycast anycast}) or every node offering it ({@link #broadcast
 * broadcast}), optionally narrowed to providers with given tags.
 *
 * @author LiteMesh team
 */
public final class Target {

	/**
	 * How a target names its nodes.
	 */
	public enum Mode {

		/** One named node. */
		UNICAST,

		/** Any one provider of the service, nearest and least busy first. */
		ANYCAST,

		/** Every provider of the service. */
		BROADCAST

	}

	private final Mode mode;

	private final @Nullable String nodeId;

	private final String service;

	private final Map<String, String> tags;

	private Target(Mode mode, @Nullable String nodeId, String service, Map<String, String> tags) {
		this.mode = mode;
		this.nodeId = nodeId;
		this.service = service;
		this.tags = tags;
	}

	/**
	 * Target the service on one named node.
	 * @param nodeId the node id
	 * @param service the service name
	 * @return the target
	 */
	public static Target unicast(String nodeId, String service) {
		return new Target(Mode.UNICAST, requireText(nodeId, "nodeId"), requireText(service, "service"), Map.of());
	}

	/**
	 * Target any one node that offers the service.
	 * @param service the service name
	 * @return the target
	 */
	public static Target anycast(String service) {
		return new Target(Mode.ANYCAST, null, requireText(service, "service"), Map.of());
	}

	/**
	 * Target every node that offers the service, this node included.
	 * @param service the service name
	 * @return the target
	 */
	public static Target broadcast(String service) {
		return new Target(Mode.BROADCAST, null, requireText(service, "service"), Map.of());
	}

	/**
	 * Return a target that only matches providers whose service carries the tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return a new target
	 */
	public Target withTag(String key, String value) {
		Map<String, String> tags = new LinkedHashMap<>(this.tags);
		tags.put(requireText(key, "key"), Objects.requireNonNull(value, "'value' must not be null"));
		return new Target(this.mode, this.nodeId, this.service, Collections.unmodifiableMap(tags));
	}

	/**
	 * Return how this target names its nodes.
	 * @return the mode
	 */
	public Mode mode() {
		return this.mode;
	}

	/**
	 * Return the node of a unicast target.
	 * @return the node id, {@code null} unless unicast
	 */
	public @Nullable String nodeId() {
		return this.nodeId;
	}

	/**
	 * Return the service name.
	 * @return the service
	 */
	public String service() {
		return this.service;
	}

	/**
	 * Return the tags a provider must carry.
	 * @return the tags, never {@code null}
	 */
	public Map<String, String> tags() {
		return this.tags;
	}

	/**
	 * Return whether a provider with the given tags matches this target.
	 * @param providerTags the provider's tags
	 * @return {@code true} when every tag of this target is among them
	 */
	public boolean matches(Map<String, String> providerTags) {
		// most targets name no tags: no entry views for them on every call
		return this.tags.isEmpty() || providerTags.entrySet().containsAll(this.tags.entrySet());
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' must not be empty");
		}
		return value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Target that) && this.mode == that.mode && Objects.equals(this.nodeId, that.nodeId)
				&& this.service.equals(that.service) && this.tags.equals(that.tags);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.mode, this.nodeId, this.service, this.tags);
	}

	@Override
	public String toString() {
		String base = switch (this.mode) {
			case UNICAST -> "unicast(" + this.nodeId + ", " + this.service + ")";
			case ANYCAST -> "anycast(" + this.service + ")";
			case BROADCAST -> "broadcast(" + this.service + ")";
		};
		return this.tags.isEmpty() ? base : base + this.tags;
	}

}
