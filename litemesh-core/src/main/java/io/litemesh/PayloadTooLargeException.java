/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a payload or frame exceeds {@code litemesh.max-frame-size}.
 *
 * @author LiteMesh team
 */
public class PayloadTooLargeException extends MeshException {

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what to do about it
	 */
	public PayloadTooLargeException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what was asked, of whom, and what to do about it
	 * @param cause the cause
	 */
	public PayloadTooLargeException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
