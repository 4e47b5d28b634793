/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.function.Supplier;

import io.litemesh.membership.Membership;
import io.litemesh.security.SecurityEvents;
import io.litemesh.transport.InboundHandler;
import io.rsocket.RSocket;
import org.jspecify.annotations.Nullable;

/**
 * Creates the responders a transport hands its received requests to: one per link for
 * neighbour nodes, one per connection for plain RSocket clients.
 *
 * @author LiteMesh team
 */
public final class Responders implements InboundHandler {

	private final String localId;

	private final Router router;

	private final ProviderSelector selector;

	private final Membership membership;

	private final Supplier<byte[]> nodeState;

	private final SecurityEvents events;

	private final MeshQueries queries;

	/**
	 * Create the factory.
	 * @param localId the local node id
	 * @param router the router that serves and relays calls
	 * @param selector the selector for plain clients' anycast calls
	 * @param membership the membership that takes advertisements
	 * @param nodeState this node's state as JSON, for queries through the mesh
	 * @param events where refused messages are counted
	 * @param queries what the built-in service {@code mesh} answers stock clients
	 */
	public Responders(String localId, Router router, ProviderSelector selector, Membership membership,
			Supplier<byte[]> nodeState, SecurityEvents events, MeshQueries queries) {
		this.queries = queries;
		this.events = events;
		this.localId = localId;
		this.router = router;
		this.selector = selector;
		this.membership = membership;
		this.nodeState = nodeState;
	}

	@Override
	public RSocket peerResponder(Supplier<@Nullable String> peerId) {
		return new PeerResponder(this.localId, peerId, this.router.inbound(), this.membership, this.nodeState,
				this.events);
	}

	@Override
	public RSocket clientResponder(String clientName, @Nullable String metadataMimeType) {
		return new ClientResponder(clientName, metadataMimeType, this.router, this.selector, this.queries);
	}

}
