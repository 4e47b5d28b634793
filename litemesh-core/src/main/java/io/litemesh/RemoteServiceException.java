/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

/**
 * Thrown to the caller when an endpoint threw: carries the class name of what it threw
 * and its message. The node that threw keeps running.
 *
 * @author LiteMesh team
 */
public class RemoteServiceException extends MeshException {

	private final String remoteType;

	/**
	 * Create a new exception.
	 * @param message what was asked, of whom, and what the endpoint said
	 * @param remoteType the class name of what the endpoint threw
	 */
	public RemoteServiceException(String message, String remoteType) {
		super(message);
		this.remoteType = remoteType;
	}

	/**
	 * Return the class name of what the endpoint threw.
	 * @return the remote exception type
	 */
	public String remoteType() {
		return this.remoteType;
	}

}
