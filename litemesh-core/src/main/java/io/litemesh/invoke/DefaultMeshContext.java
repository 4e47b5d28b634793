/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import io.litemesh.MeshContext;

import org.springframework.util.Assert;

/**
 * The {@link MeshContext} that dispatch hands to an endpoint.
 *
 * @param callerNodeId who made the call: a node id, or {@code client:<name>} for an
 * authenticated stock client
 * @param service the name of the service called
 * @param endpoint the name of the endpoint called
 * @param hops how many hops the call took, {@code 0} when the caller is this node
 * @param messageId the unique id of the message that carried the call
 * @author LiteMesh team
 */
public record DefaultMeshContext(String callerNodeId, String service, String endpoint, int hops,
		String messageId) implements MeshContext {

	/**
	 * Create a new context.
	 * @param callerNodeId the id of the node that made the call
	 * @param service the name of the service called
	 * @param endpoint the name of the endpoint called
	 * @param hops how many hops the call took, {@code 0} when the caller is this node
	 * @param messageId the unique id of the message that carried the call
	 */
	public DefaultMeshContext {
		Assert.notNull(callerNodeId, "'callerNodeId' must not be null");
		Assert.notNull(service, "'service' must not be null");
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.isTrue(hops >= 0, () -> "'hops' must not be negative, but was " + hops);
		Assert.notNull(messageId, "'messageId' must not be null");
	}

}
