/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.MeshException;
import io.litemesh.MeshSettings;

/**
 * Thrown when the auto-configured {@link io.litemesh.MeshNode} fails to start, for
 * example because its TCP port is in use.
 *
 * @author LiteMesh team
 */
public class MeshNodeStartException extends MeshException {

	private final MeshSettings settings;

	/**
	 * Create a new exception.
	 * @param settings the settings of the node that failed to start
	 * @param cause why it failed
	 */
	public MeshNodeStartException(MeshSettings settings, Throwable cause) {
		super("LiteMesh node '" + settings.nodeId() + "' failed to start: " + cause.getMessage(), cause);
		this.settings = settings;
	}

	/**
	 * Return the settings of the node that failed to start.
	 * @return the settings
	 */
	public MeshSettings getSettings() {
		return this.settings;
	}

}
