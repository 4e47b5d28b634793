/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.litemesh.security.SharedSecret;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.RejectedException;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import io.rsocket.util.RSocketProxy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handshake two nodes run when a connection opens, bound to that connection:
 * <ol>
 * <li>the dialling node sends its hello, with a fresh nonce, in the SETUP frame;</li>
 * <li>it asks ({@code hello}) for the accepting node's hello, which carries a nonce of
 * its own and, with a secret, a proof over both hellos and both nonces;</li>
 * <li>it checks that proof and sends ({@code prove}) its own proof over the same, which
 * the accepting node checks.</li>
 * </ol>
 * Each proof covers a nonce the other side just chose, so a captured handshake is worth
 * nothing on another connection, and the roles are part of what is signed, so one side's
 * proof cannot be reflected back. Nothing else is served, either way, until both proofs
 * are checked ({@link GatedResponder}). Without a secret the same steps run without
 * proofs: protected mode on loopback, or TLS whose client certificates prove membership.
 * <p>
 * One class on purpose: both sides of the handshake sign and check the same fields, so
 * the dialling and the accepting half are kept side by side where they cannot drift
 * apart.
 *
 * @author LiteMesh team
 */
final class Handshake {

	private final String nodeId;

	private final String cluster;

	private final long incarnation;

	private final @Nullable SharedSecret secret;

	private final SecurityEvents events;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong refused = new AtomicLong();

	/**
	 * Create the handshake of a node.
	 * @param nodeId the node's id
	 * @param cluster the node's cluster
	 * @param incarnation when the node started
	 * @param secret the cluster's shared secret, {@code null} for none
	 * @param events where refusals are counted
	 */
	Handshake(String nodeId, String cluster, long incarnation, @Nullable SharedSecret secret, SecurityEvents events) {
		this.nodeId = nodeId;
		this.cluster = cluster;
		this.incarnation = incarnation;
		this.secret = secret;
		this.events = events;
	}

	/**
	 * Return the hello for the SETUP frame of a connection this node dials.
	 * @return the hello, with a fresh nonce and no proof yet
	 */
	Hello dialHello() {
		return new Hello(Hello.PROTOCOL, this.nodeId, this.cluster, this.incarnation, SharedSecret.nonce(), null);
	}

	/**
	 * Encode a hello.
	 * @param hello the hello
	 * @return its JSON
	 */
	byte[] encode(Hello hello) {
		return this.mapper.writeValueAsBytes(hello);
	}

	/**
	 * Return the request that asks the accepting node for its hello.
	 * @return the request
	 */
	Payload helloRequest() {
		return control(ControlOperation.HELLO, new byte[0]);
	}

	/**
	 * Return the request that carries this node's proof to the accepting node.
	 * @param own the hello this node sent
	 * @param accepting the accepting node's hello
	 * @return the request, its data the proof (empty without a secret)
	 */
	Payload proveRequest(Hello own, Hello accepting) {
		SharedSecret secret = this.secret;
		byte[] proof = (secret != null) ? secret.prove(dialFields(own, accepting)).getBytes() : new byte[0];
		return control(ControlOperation.PROVE, proof);
	}

	private Payload control(ControlOperation operation, byte[] data) {
		Envelope envelope = Envelope.control(this.nodeId, "", operation);
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	/**
	 * Check the accepting node's hello on a connection this node dialled.
	 * @param reply the answer to {@link #helloRequest()}, released here
	 * @param own the hello this node sent
	 * @param address where this node dialled, for the messages
	 * @return the accepting node's hello
	 * @throws IllegalStateException when the node is malformed, of another cluster or did
	 * not prove the secret
	 */
	Hello checkAnswer(Payload reply, Hello own, HostAndPort address) {
		int size = reply.data().readableBytes();
		Hello remote;
		try {
			remote = (size <= Hello.MAX_SIZE)
					? this.mapper.readValue(ByteBufUtil.getBytes(reply.sliceData()), Hello.class) : null;
		}
		catch (RuntimeException ex) {
			remote = null;
		}
		finally {
			reply.release();
		}
		if (size > Hello.MAX_SIZE) {
			throw refuse(Refusal.OVERSIZED_HELLO, "the node at " + address + " answered a hello of " + size + " bytes");
		}
		if (remote == null) {
			throw refuse(Refusal.MALFORMED_HELLO, "the node at " + address + " answered a malformed hello");
		}
		if (remote.protocol() != Hello.PROTOCOL || !remote.isWellFormed()) {
			throw refuse(Refusal.PROTOCOL, "the node at " + address + " speaks protocol " + remote.protocol()
					+ ", this node " + Hello.PROTOCOL);
		}
		if (!remote.cluster().equals(this.cluster)) {
			throw refuse(Refusal.CLUSTER, "node " + SecurityEvents.quote(remote.nodeId()) + " at " + address
					+ " belongs to cluster " + SecurityEvents.quote(remote.cluster()) + ", not '" + this.cluster + "'");
		}
		SharedSecret secret = this.secret;
		if (secret != null && !secret.verify(remote.proof(), acceptFields(own, remote))) {
			throw refuse(Refusal.PROOF, "node " + SecurityEvents.quote(remote.nodeId()) + " at " + address
					+ " did not prove the cluster secret; check litemesh.security.secret on both nodes");
		}
		return remote;
	}

	private IllegalStateException refuse(Refusal refusal, String message) {
		this.refused.incrementAndGet();
		this.events.refused(refusal, message);
		return new IllegalStateException(message);
	}

	/**
	 * Check the hello in the SETUP frame of a connection another node dialled.
	 * @param setup the SETUP frame
	 * @return the dialling node's hello
	 * @throws RejectedSetupException when the hello is oversized, malformed, of another
	 * protocol or cluster
	 */
	Hello checkSetup(ConnectionSetupPayload setup) {
		int size = setup.data().readableBytes();
		if (size > Hello.MAX_SIZE) {
			throw rejectSetup(Refusal.OVERSIZED_HELLO, "a hello of " + size + " bytes, more than " + Hello.MAX_SIZE,
					"Hello too large");
		}
		Hello remote;
		try {
			remote = this.mapper.readValue(ByteBufUtil.getBytes(setup.sliceData()), Hello.class);
		}
		catch (RuntimeException ex) {
			remote = null;
		}
		// the JSON literal null parses, to no hello at all
		if (remote == null) {
			throw rejectSetup(Refusal.MALFORMED_HELLO, "a hello that does not parse", "Malformed LiteMesh hello");
		}
		if (remote.protocol() != Hello.PROTOCOL) {
			throw rejectSetup(Refusal.PROTOCOL, "a hello of protocol " + remote.protocol(),
					"Unsupported LiteMesh protocol " + remote.protocol() + "; node " + this.nodeId + " speaks "
							+ Hello.PROTOCOL);
		}
		if (!remote.isWellFormed()) {
			throw rejectSetup(Refusal.MALFORMED_HELLO, "a hello with a missing or oversized field",
					"Malformed LiteMesh hello");
		}
		if (!remote.cluster().equals(this.cluster)) {
			throw rejectSetup(Refusal.CLUSTER,
					"node " + SecurityEvents.quote(remote.nodeId()) + " of cluster "
							+ SecurityEvents.quote(remote.cluster()) + "; this node belongs to '" + this.cluster + "'",
					"Node " + this.nodeId + " belongs to another cluster");
		}
		return remote;
	}

	private RejectedSetupException rejectSetup(Refusal refusal, String logged, String answered) {
		this.refused.incrementAndGet();
		this.events.refused(refusal, logged);
		return new RejectedSetupException(answered);
	}

	/**
	 * Count a connection that closed, or timed out, before its handshake was done.
	 * @param remote the dialling node's hello
	 * @param why what happened
	 */
	void incomplete(Hello remote, String why) {
		this.refused.incrementAndGet();
		this.events.refused(Refusal.HANDSHAKE_INCOMPLETE,
				"node " + SecurityEvents.quote(remote.nodeId()) + " " + why + " before it finished its handshake");
	}

	/**
	 * Count a connection the other side refused.
	 */
	void countRefused() {
		this.refused.incrementAndGet();
	}

	/**
	 * Return the responder of an accepted connection: it answers the dialling node's
	 * {@code hello} and checks its {@code prove}, then opens the gate in front of
	 * everything else.
	 * @param gate the gated responder for the rest
	 * @param remote the dialling node's hello
	 * @param proven called once the dialling node proved membership and the gate is open,
	 * after the answer to its proof left
	 * @return the responder
	 */
	RSocket accepting(GatedResponder gate, Hello remote, Runnable proven) {
		return new AcceptingResponder(gate, remote, proven);
	}

	/**
	 * Return how many connections were refused: wrong cluster, protocol or secret proof.
	 * @return the count, on either side of the handshake
	 */
	long refusedConnections() {
		return this.refused.get();
	}

	private Object[] acceptFields(Hello dialling, Hello accepting) {
		return fields("accept", accepting, dialling);
	}

	private Object[] dialFields(Hello dialling, Hello accepting) {
		return fields("dial", dialling, accepting);
	}

	private Object[] fields(String role, Hello signer, Hello other) {
		return new Object[] { role, this.cluster, signer.nodeId(), signer.incarnation(), signer.nonce(), other.nodeId(),
				other.incarnation(), other.nonce() };
	}

	/**
	 * Answers the dialling node's {@code hello} and {@code prove}, then hands everything
	 * else to the gate.
	 */
	private final class AcceptingResponder extends RSocketProxy {

		private final GatedResponder gate;

		private final Hello remote;

		private final Hello answer;

		private final Runnable proven;

		AcceptingResponder(GatedResponder gate, Hello remote, Runnable proven) {
			super(gate);
			this.gate = gate;
			this.remote = remote;
			this.proven = proven;
			Hello own = new Hello(Hello.PROTOCOL, Handshake.this.nodeId, Handshake.this.cluster,
					Handshake.this.incarnation, SharedSecret.nonce(), null);
			SharedSecret secret = Handshake.this.secret;
			this.answer = (secret != null) ? own.withProof(secret.prove(acceptFields(remote, own))) : own;
		}

		@Override
		public Mono<Payload> requestResponse(Payload payload) {
			if (this.gate.isOpen()) {
				// the handshake is done: no request of it is served again, and every
				// other
				// request goes on without being decoded twice
				return super.requestResponse(payload);
			}
			ControlOperation operation = handshakeOperation(payload);
			if (operation == ControlOperation.HELLO) {
				payload.release();
				return Mono.just(DefaultPayload.create(encode(this.answer)));
			}
			if (operation == ControlOperation.PROVE) {
				return prove(payload);
			}
			return super.requestResponse(payload);
		}

		private Mono<Payload> prove(Payload payload) {
			String proof;
			try {
				proof = (payload.data().readableBytes() <= 128) ? payload.getDataUtf8() : null;
			}
			finally {
				payload.release();
			}
			SharedSecret secret = Handshake.this.secret;
			if (secret != null && !secret.verify(proof, dialFields(this.remote, this.answer))) {
				Handshake.this.refused.incrementAndGet();
				Handshake.this.events.refused(Refusal.PROOF, "node " + SecurityEvents.quote(this.remote.nodeId())
						+ " did not prove the cluster secret (litemesh.security.secret differs)");
				return Mono.error(new RejectedException("No valid proof of the cluster secret"));
			}
			if (this.gate.isOpen()) {
				return Mono.just(DefaultPayload.create(new byte[0]));
			}
			this.gate.open();
			// the link comes up once the answer is on its way, so the dialling node,
			// which
			// opens its own gate on that answer, never sees the link's first messages
			// before it
			return Mono.just(DefaultPayload.create(new byte[0])).doFinally((signal) -> this.proven.run());
		}

		private @Nullable ControlOperation handshakeOperation(Payload payload) {
			if (!payload.hasMetadata()) {
				return null;
			}
			try {
				Envelope envelope = Envelope.decode(payload.sliceMetadata());
				if (envelope.isLinkLocalControl(ControlOperation.HELLO)) {
					return ControlOperation.HELLO;
				}
				return envelope.isLinkLocalControl(ControlOperation.PROVE) ? ControlOperation.PROVE : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
