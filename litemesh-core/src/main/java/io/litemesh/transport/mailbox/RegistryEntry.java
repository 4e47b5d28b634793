/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

/**
 * A node's entry in a store's registry.
 *
 * @param nodeId the node
 * @param cluster its cluster
 * @param incarnation when it started
 * @param expiresAtMillis epoch milliseconds at which its lease ends
 * @author LiteMesh team
 */
public record RegistryEntry(String nodeId, String cluster, long incarnation, long expiresAtMillis) {
}
