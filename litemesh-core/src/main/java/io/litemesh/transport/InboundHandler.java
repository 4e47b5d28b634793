/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import java.util.function.Supplier;

import io.rsocket.RSocket;
import org.jspecify.annotations.Nullable;

/**
 * What a transport hands the requests it receives to: the node's dispatch layer.
 *
 * @author LiteMesh team
 */
public interface InboundHandler {

	/**
	 * Return the responder for requests from a neighbour node.
	 * @param peerId the neighbour's id, {@code null} until the connection's hello is done
	 * @return the responder
	 */
	RSocket peerResponder(Supplier<@Nullable String> peerId);

	/**
	 * Return the responder for requests from a plain RSocket client (routing metadata,
	 * JSON).
	 * @param clientName the client's identity, the source of every call it makes:
	 * {@code client:<name>} when the transport authenticated it, else a name the
	 * transport made up (protected mode)
	 * @param metadataMimeType the metadata MIME type the client announced in its SETUP
	 * @return the responder
	 */
	RSocket clientResponder(String clientName, @Nullable String metadataMimeType);

}
