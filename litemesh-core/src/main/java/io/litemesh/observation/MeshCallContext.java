/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import org.jspecify.annotations.Nullable;

/**
 * What both sides of an observed call know of it.
 *
 * @author LiteMesh team
 */
public interface MeshCallContext {

	/** The W3C header the envelope's {@code trace} field carries. */
	String TRACEPARENT = "traceparent";

	/**
	 * Return the service called.
	 * @return the service name
	 */
	String service();

	/**
	 * Return the endpoint called.
	 * @return the endpoint name
	 */
	String endpoint();

	/**
	 * Return how the call was made.
	 * @return {@code request}, {@code request-all}, {@code send} or {@code stream}
	 */
	String interaction();

	/**
	 * Return the other node: the one called, or the caller.
	 * @return its id, {@code null} before a caller chose it
	 */
	@Nullable String peer();

	/**
	 * Return the error code of a failed call.
	 * @return the code ({@code NO_ROUTE}, {@code TIMEOUT}, ...), {@code null} unless it
	 * failed
	 */
	@Nullable String errorCode();

	/**
	 * Return whether the caller cancelled the call before it ended.
	 * @return {@code true} when cancelled
	 */
	boolean cancelled();

	/**
	 * Record the error code of a failed call.
	 * @param errorCode the code
	 */
	void setErrorCode(String errorCode);

	/**
	 * Record that the caller cancelled the call.
	 */
	void setCancelled();

}
