/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.util.UUID;

import io.litemesh.MeshContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link MeshContext} that dispatch hands to an endpoint. The message id is kept as
 * it arrived and formatted only when an endpoint asks for it: most never do, and every
 * call served would pay for the text.
 *
 * @author LiteMesh team
 */
public final class DefaultMeshContext implements MeshContext {

	private final String callerNodeId;

	private final String service;

	private final String endpoint;

	private final int hops;

	private final @Nullable UUID id;

	private @Nullable String messageId;

	/**
	 * Create a new context.
	 * @param callerNodeId the id of the node that made the call: a node id, or
	 * {@code client:<name>} for an authenticated stock client
	 * @param service the name of the service called
	 * @param endpoint the name of the endpoint called
	 * @param hops how many hops the call took, {@code 0} when the caller is this node
	 * @param messageId the unique id of the message that carried the call
	 */
	public DefaultMeshContext(String callerNodeId, String service, String endpoint, int hops, String messageId) {
		this(callerNodeId, service, endpoint, hops, null, messageId);
		Assert.notNull(messageId, "'messageId' must not be null");
	}

	/**
	 * Create a new context for a message with an id.
	 * @param callerNodeId the id of the node that made the call
	 * @param service the name of the service called
	 * @param endpoint the name of the endpoint called
	 * @param hops how many hops the call took, {@code 0} when the caller is this node
	 * @param id the unique id of the message that carried the call
	 */
	public DefaultMeshContext(String callerNodeId, String service, String endpoint, int hops, UUID id) {
		this(callerNodeId, service, endpoint, hops, id, null);
		Assert.notNull(id, "'id' must not be null");
	}

	private DefaultMeshContext(String callerNodeId, String service, String endpoint, int hops, @Nullable UUID id,
			@Nullable String messageId) {
		Assert.notNull(callerNodeId, "'callerNodeId' must not be null");
		Assert.notNull(service, "'service' must not be null");
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.isTrue(hops >= 0, "'hops' must not be negative");
		this.callerNodeId = callerNodeId;
		this.service = service;
		this.endpoint = endpoint;
		this.hops = hops;
		this.id = id;
		this.messageId = messageId;
	}

	@Override
	public String callerNodeId() {
		return this.callerNodeId;
	}

	@Override
	public String service() {
		return this.service;
	}

	@Override
	public String endpoint() {
		return this.endpoint;
	}

	@Override
	public int hops() {
		return this.hops;
	}

	@Override
	public String messageId() {
		String messageId = this.messageId;
		if (messageId == null) {
			// a race formats the same text twice, which is harmless
			messageId = String.valueOf(this.id);
			this.messageId = messageId;
		}
		return messageId;
	}

	@Override
	public String toString() {
		return "DefaultMeshContext[callerNodeId=" + this.callerNodeId + ", service=" + this.service + ", endpoint="
				+ this.endpoint + ", hops=" + this.hops + ", messageId=" + messageId() + "]";
	}

}
