/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import org.jspecify.annotations.Nullable;

/**
 * A node's entry in a store's registry.
 *
 * @param nodeId the node
 * @param cluster its cluster
 * @param incarnation when it started
 * @param expiresAtMillis epoch milliseconds at which its lease ends
 * @param signature HMAC of the entry with the cluster secret, {@code null} without one;
 * stores keep it as they keep the other fields
 * @author LiteMesh team
 */
public record RegistryEntry(String nodeId, String cluster, long incarnation, long expiresAtMillis,
		@Nullable String signature) {

	/**
	 * Create an unsigned entry.
	 * @param nodeId the node
	 * @param cluster its cluster
	 * @param incarnation when it started
	 * @param expiresAtMillis epoch milliseconds at which its lease ends
	 */
	public RegistryEntry(String nodeId, String cluster, long incarnation, long expiresAtMillis) {
		this(nodeId, cluster, incarnation, expiresAtMillis, null);
	}

}
