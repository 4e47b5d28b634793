/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of {@code litemesh.client.requests}: a call this node makes. A tracer's
 * propagating handler writes the caller's trace into it, and the node sends that on in
 * the envelope's {@code trace} field.
 *
 * @author LiteMesh team
 */
public final class MeshClientContext extends RequestReplySenderContext<MeshClientContext, Object>
		implements MeshCallContext {

	private final String service;

	private final String endpoint;

	private final String interaction;

	private volatile @Nullable String peer;

	private volatile @Nullable String errorCode;

	private volatile boolean cancelled;

	private volatile @Nullable String traceparent;

	/**
	 * Create a context.
	 * @param service the service called
	 * @param endpoint the endpoint called
	 * @param interaction {@code request}, {@code request-all}, {@code send} or
	 * {@code stream}
	 */
	public MeshClientContext(String service, String endpoint, String interaction) {
		super((carrier, key, value) -> carrier.put(key, value));
		this.service = service;
		this.endpoint = endpoint;
		this.interaction = interaction;
		setCarrier(this);
		setRemoteServiceName(service);
	}

	private void put(String key, String value) {
		if (TRACEPARENT.equalsIgnoreCase(key)) {
			this.traceparent = value;
		}
	}

	/**
	 * Return the trace to send in the envelope.
	 * @return the W3C {@code traceparent}, {@code ""} when no tracer wrote one
	 */
	public String trace() {
		String trace = this.traceparent;
		return (trace != null) ? trace : "";
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
	public String interaction() {
		return this.interaction;
	}

	@Override
	public @Nullable String peer() {
		return this.peer;
	}

	/**
	 * Record the node the call goes to.
	 * @param peer its id
	 */
	public void setPeer(String peer) {
		this.peer = peer;
	}

	@Override
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	@Override
	public void setErrorCode(String errorCode) {
		this.errorCode = errorCode;
	}

	@Override
	public boolean cancelled() {
		return this.cancelled;
	}

	@Override
	public void setCancelled() {
		this.cancelled = true;
	}

}
