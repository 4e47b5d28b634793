/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call got no answer within {@code litemesh.request-timeout}.
 *
 * @author LiteMesh team
 */
public class MeshTimeoutException extends MeshException {

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what to do about it
	 */
	public MeshTimeoutException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what was asked, of whom, and what to do about it
	 * @param cause the cause
	 */
	public MeshTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
