/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception LiteMesh throws: what was asked, of whom, and what to do
 * about it.
 *
 * @author LiteMesh team
 */
public class MeshException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what to do about it
	 */
	public MeshException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what was asked, of whom, and what to do about it
	 * @param cause the cause
	 */
	public MeshException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
