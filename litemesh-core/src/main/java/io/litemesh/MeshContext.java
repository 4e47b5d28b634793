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
	 * Return who made the call, as the mesh authenticated it: the id of the calling node,
	 * or {@code client:<name>} for a stock RSocket client that the node it connected to
	 * authenticated as {@code <name>} ({@code litemesh.security.clients.<name>}), however
	 * many hops that node is away. A client admitted without credentials (protected mode
	 * only) has a generated name, {@code client-<node>-<n>}. Access rules
	 * ({@code litemesh.security.access.<service>}) are checked against this identity.
	 * @return the caller's node id or client identity
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
