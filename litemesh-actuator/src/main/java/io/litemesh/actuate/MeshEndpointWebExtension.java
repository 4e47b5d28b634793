/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.util.Objects;

import io.litemesh.MeshException;
import io.litemesh.actuate.MeshEndpoint.NodeStateDescriptor;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link MeshEndpoint} that
 * answers a query for one node with {@code 404} when the node is unknown and {@code 503}
 * when it is known but cannot be reached.
 *
 * @author LiteMesh team
 */
@EndpointWebExtension(endpoint = MeshEndpoint.class)
public class MeshEndpointWebExtension {

	private final MeshEndpoint delegate;

	/**
	 * Create a new extension.
	 * @param delegate the endpoint to extend
	 */
	public MeshEndpointWebExtension(MeshEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Describe one node and its health, fetched through the mesh.
	 * @param nodeId the id of the node
	 * @return the node and its health; {@code 404} for an unknown node; {@code 503} with
	 * the reason for one that cannot be reached
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> node(@Selector String nodeId) {
		try {
			NodeStateDescriptor state = this.delegate.node(nodeId);
			if (state == null) {
				return new WebEndpointResponse<>(
						new ErrorDescriptor(nodeId, "No node '" + nodeId + "' is known to this node"),
						WebEndpointResponse.STATUS_NOT_FOUND);
			}
			return new WebEndpointResponse<>(state);
		}
		catch (MeshException ex) {
			return new WebEndpointResponse<>(
					new ErrorDescriptor(nodeId, Objects.toString(ex.getMessage(), ex.getClass().getName())),
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

	/**
	 * Why a node could not be described.
	 *
	 * @param nodeId the id of the node asked for
	 * @param message what went wrong
	 */
	public record ErrorDescriptor(String nodeId, String message) implements OperationResponseBody {

	}

}
