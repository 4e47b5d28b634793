/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

/**
 * What an endpoint may know about the call it serves; declare it as a parameter to get
 * it.
 *
 * @author LiteMesh team
 */
public interface MeshContext {

	/**
	 * Return the id of the node that made the call, or a {@code client:} name for a plain
	 * RSocket client.
	 * @return the caller node id
	 */
	String callerNodeId();

	/**
	 * Return the name of the service called.
	 * @return the service
	 */
	String service();

	/**
	 * Return the name of the endpoint called.
	 * @return the endpoint
	 */
	String endpoint();

	/**
	 * Return how many hops the call took, {@code 0} when the caller is this node.
	 * @return the hop count
	 */
	int hops();

	/**
	 * Return the unique id of the message that carried the call.
	 * @return the message id
	 */
	String messageId();

}
