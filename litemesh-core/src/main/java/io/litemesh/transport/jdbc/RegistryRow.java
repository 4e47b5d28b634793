/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import io.litemesh.transport.mailbox.RegistryEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;

/**
 * A node's row in the registry table: the aggregate that Spring Data JDBC maps.
 *
 * @param nodeId the node
 * @param clusterName its cluster
 * @param incarnation when it started
 * @param expiresAt epoch milliseconds at which its lease ends
 * @param signature the entry's HMAC, {@code null} without a secret
 * @author LiteMesh team
 */
record RegistryRow(@Id String nodeId, String clusterName, long incarnation, long expiresAt,
		@Nullable String signature) {

	static RegistryRow of(RegistryEntry entry) {
		return new RegistryRow(entry.nodeId(), entry.cluster(), entry.incarnation(), entry.expiresAtMillis(),
				entry.signature());
	}

	RegistryEntry toEntry() {
		return new RegistryEntry(this.nodeId, this.clusterName, this.incarnation, this.expiresAt, this.signature);
	}

}
