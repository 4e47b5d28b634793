/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when no node offers a service, or the node named is unknown, unreachable or does
 * not offer it.
 *
 * @author LiteMesh team
 */
public class NoRouteException extends MeshException {

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what to do about it
	 */
	public NoRouteException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what was asked, of whom, and what to do about it
	 * @param cause the cause
	 */
	public NoRouteException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
