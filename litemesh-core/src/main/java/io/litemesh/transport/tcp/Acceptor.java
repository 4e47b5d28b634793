/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.litemesh.transport.RSocketLink;
import io.litemesh.codec.MimeTypes;
import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.litemesh.transport.InboundHandler;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.RejectedSetupException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Decides what an accepted connection is and what serves it: a stock client, admitted by
 * its credentials, or a node, which runs the {@link Handshake} behind a
 * {@link GatedResponder} and becomes a link once it proved membership. Bounds the
 * connections accepted at once and closes those that never finish their handshake.
 *
 * @author LiteMesh team
 */
final class Acceptor {

	private static final Log logger = LogFactory.getLog(Acceptor.class);

	/** How long a connection may take from SETUP to both proofs checked. */
	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	private final String nodeId;

	private final Handshake handshake;

	private final ClientAuthenticator clients;

	private final InboundHandler inbound;

	private final SecurityEvents events;

	private final int maxConnections;

	private final Consumer<RSocketLink> register;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong anonymousClients = new AtomicLong();

	/**
	 * Create the acceptor of a node.
	 * @param nodeId the node's id
	 * @param handshake the node's handshake
	 * @param clients the authenticator of stock clients
	 * @param inbound where received requests go
	 * @param events where refusals are counted
	 * @param maxConnections most node connections accepted at once
	 * @param register registers the link of a node that proved membership
	 */
	Acceptor(String nodeId, Handshake handshake, ClientAuthenticator clients, InboundHandler inbound,
			SecurityEvents events, int maxConnections, Consumer<RSocketLink> register) {
		this.nodeId = nodeId;
		this.handshake = handshake;
		this.clients = clients;
		this.inbound = inbound;
		this.events = events;
		this.maxConnections = maxConnections;
		this.register = register;
	}

	/**
	 * Accept a connection: the {@link io.rsocket.SocketAcceptor} of the node's server.
	 * @param setup the SETUP frame
	 * @param sendingSocket the requester towards the other side
	 * @return the responder, or an error that refuses the SETUP
	 */
	Mono<RSocket> accept(ConnectionSetupPayload setup, RSocket sendingSocket) {
		String metadataMimeType = setup.metadataMimeType();
		if (!MimeTypes.ENVELOPE.equals(metadataMimeType)) {
			return client(setup, metadataMimeType);
		}
		Hello remote;
		try {
			remote = this.handshake.checkSetup(setup);
		}
		catch (RejectedSetupException ex) {
			return Mono.error(ex);
		}
		if (this.connections.get() >= this.maxConnections) {
			this.handshake.countRefused();
			this.events.refused(Refusal.TOO_MANY_CONNECTIONS,
					"a connection beyond the bound of " + this.maxConnections + " accepted connections");
			return Mono.error(new RejectedSetupException("Node " + this.nodeId + " accepts no more connections"));
		}
		this.connections.incrementAndGet();
		GatedResponder gate = new GatedResponder(this.inbound.peerResponder(remote::nodeId), this.events);
		sendingSocket.onClose().doFinally((signal) -> {
			this.connections.decrementAndGet();
			if (!gate.isOpen()) {
				this.handshake.incomplete(remote, "closed the connection");
			}
		}).subscribe(null, (ex) -> {
		});
		RSocket responder = this.handshake.accepting(gate, remote, () -> {
			if (!remote.nodeId().equals(this.nodeId)) {
				this.register.accept(new RSocketLink(remote.nodeId(), remote.incarnation(), TcpTransport.NAME,
						sendingSocket, false));
			}
		});
		// a connection that never proves itself is closed, not kept waiting
		Mono.delay(HANDSHAKE_TIMEOUT).takeUntilOther(sendingSocket.onClose()).subscribe((tick) -> {
			if (!gate.isOpen()) {
				sendingSocket.dispose();
			}
		}, (ex) -> {
		});
		return Mono.just(responder);
	}

	private Mono<RSocket> client(ConnectionSetupPayload setup, String metadataMimeType) {
		String clientName;
		try {
			clientName = this.clients.admit(setup);
		}
		catch (RejectedSetupException ex) {
			this.events.refused(Refusal.CLIENT, "a stock RSocket client: " + ex.getMessage());
			return Mono.error(ex);
		}
		if (clientName == null) {
			clientName = "client-" + this.nodeId + "-" + this.anonymousClients.incrementAndGet();
		}
		logger.debug("Accepted plain RSocket client " + clientName + " (" + metadataMimeType + ")");
		return Mono.just(this.inbound.clientResponder(clientName, metadataMimeType));
	}

}
