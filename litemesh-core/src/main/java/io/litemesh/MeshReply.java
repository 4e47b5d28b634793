/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * One node's answer to a {@link MeshOperations#requestAll scatter-gather} call: a value
 * or an error.
 *
 * @param nodeId the node that answered (or failed to)
 * @param value the reply, {@code null} when the call failed or the endpoint returned
 * nothing
 * @param error why the call to this node failed, {@code null} when it succeeded
 * @param <T> the reply type
 * @author LiteMesh team
 */
public record MeshReply<T>(String nodeId, @Nullable T value, @Nullable Throwable error) {

	/**
	 * Return whether this node answered without error.
	 * @return {@code true} when {@link #error()} is {@code null}
	 */
	public boolean isSuccess() {
		return this.error == null;
	}

}
