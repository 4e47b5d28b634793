/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of {@code litemesh.server.requests}: a call a local bean serves. A tracer's
 * propagating handler reads the caller's trace from it, as the envelope's {@code trace}
 * field brought it, so the endpoint runs in a span of the caller's trace.
 *
 * @author LiteMesh team
 */
public final class MeshServerContext extends RequestReplyReceiverContext<MeshServerContext, Object>
		implements MeshCallContext {

	private final String service;

	private final String endpoint;

	private final String interaction;

	private final String caller;

	private final int hops;

	private final String trace;

	private volatile @Nullable String errorCode;

	private volatile boolean cancelled;

	/**
	 * Create a context.
	 * @param service the service called
	 * @param endpoint the endpoint called
	 * @param interaction {@code request}, {@code request-all}, {@code send} or
	 * {@code stream}
	 * @param caller the calling node or client
	 * @param hops the hops the call took
	 * @param trace the envelope's {@code trace} field, {@code ""} for none
	 */
	public MeshServerContext(String service, String endpoint, String interaction, String caller, int hops,
			String trace) {
		super((carrier, key) -> carrier.get(key));
		this.service = service;
		this.endpoint = endpoint;
		this.interaction = interaction;
		this.caller = caller;
		this.hops = hops;
		this.trace = trace;
		setCarrier(this);
		setRemoteServiceName(caller);
	}

	private @Nullable String get(String key) {
		return (TRACEPARENT.equalsIgnoreCase(key) && !this.trace.isEmpty()) ? this.trace : null;
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
	public String peer() {
		return this.caller;
	}

	/**
	 * Return the hops the call took to this node.
	 * @return the hops, {@code 0} for a call from this node
	 */
	public int hops() {
		return this.hops;
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
