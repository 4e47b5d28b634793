/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the called node's access rules refuse the caller.
 *
 * @author LiteMesh team
 */
public class MeshAccessDeniedException extends MeshException {

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what to do about it
	 */
	public MeshAccessDeniedException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what was asked, of whom, and what to do about it
	 * @param cause the cause
	 */
	public MeshAccessDeniedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
