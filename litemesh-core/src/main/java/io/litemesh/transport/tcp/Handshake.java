/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.security.SharedSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import io.rsocket.util.RSocketProxy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hello two nodes exchange when a connection opens: the dialling node's hello in the
 * SETUP frame, the accepting node's in its answer to a {@code hello} request. Each side
 * checks the other's protocol, cluster and, with a secret, its proof of the secret, bound
 * to the proof it answers. Counts what it refuses.
 *
 * @author LiteMesh team
 */
final class Handshake {

	private static final Log logger = LogFactory.getLog(Handshake.class);

	private final String nodeId;

	private final String cluster;

	private final Hello hello;

	private final @Nullable SharedSecret secret;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong refused = new AtomicLong();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Create the handshake of a node.
	 * @param hello what the node says of itself, without timestamp and proof
	 * @param secret the cluster's shared secret, {@code null} for none
	 */
	Handshake(Hello hello, @Nullable SharedSecret secret) {
		this.nodeId = hello.nodeId();
		this.cluster = hello.cluster();
		this.hello = hello;
		this.secret = secret;
	}

	/**
	 * Return the SETUP data of a connection this node dials.
	 * @return the signed hello
	 */
	Hello dialHello() {
		return signed("");
	}

	/**
	 * Return the request that asks the accepting node for its hello.
	 * @return the request
	 */
	Payload helloRequest() {
		Envelope envelope = Envelope.control(this.nodeId, "", ControlOperation.HELLO);
		return ByteBufPayload.create(Unpooled.EMPTY_BUFFER, envelope.encode(ByteBufAllocator.DEFAULT));
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
	 * Check the accepting node's answer on a connection this node dialled.
	 * @param reply the answer, released here
	 * @param own the hello this node sent
	 * @param address where this node dialled, for the messages
	 * @return the accepting node's hello
	 * @throws IllegalStateException when the hello is malformed, or the node is of
	 * another cluster or did not prove the secret
	 */
	Hello checkAnswer(Payload reply, Hello own, HostAndPort address) {
		Hello remote;
		try {
			remote = read(reply.sliceData());
		}
		catch (RuntimeException ex) {
			this.refused.incrementAndGet();
			throw new IllegalStateException(
					"Malformed LiteMesh hello from the node at " + address + ": " + ex.getMessage());
		}
		finally {
			reply.release();
		}
		if (remote.protocol() != Hello.PROTOCOL) {
			this.refused.incrementAndGet();
			throw new IllegalStateException("Node " + remote.nodeId() + " at " + address + " speaks LiteMesh protocol "
					+ remote.protocol() + ", not " + Hello.PROTOCOL);
		}
		if (!remote.cluster().equals(this.cluster)) {
			this.refused.incrementAndGet();
			throw new IllegalStateException("Node " + remote.nodeId() + " at " + address + " belongs to cluster '"
					+ remote.cluster() + "', not '" + this.cluster + "'");
		}
		if (this.secret != null && !isProven(remote, String.valueOf(own.proof()))) {
			this.refused.incrementAndGet();
			throw new IllegalStateException("Node " + remote.nodeId() + " at " + address
					+ " did not prove the cluster secret; check litemesh.security.secret on both nodes");
		}
		return remote;
	}

	/**
	 * Check the hello in the SETUP frame of a connection another node dialled.
	 * @param setup the SETUP frame
	 * @return the dialling node's hello
	 * @throws RejectedSetupException when the hello is malformed, of another protocol or
	 * cluster, or does not prove the secret
	 */
	Hello checkSetup(ConnectionSetupPayload setup) {
		Hello remote;
		try {
			remote = read(setup.sliceData());
		}
		catch (RuntimeException ex) {
			this.refused.incrementAndGet();
			throw new RejectedSetupException("Malformed LiteMesh hello: " + ex.getMessage());
		}
		if (remote.protocol() != Hello.PROTOCOL) {
			this.refused.incrementAndGet();
			throw new RejectedSetupException("Unsupported LiteMesh protocol " + remote.protocol() + "; node "
					+ this.nodeId + " speaks " + Hello.PROTOCOL);
		}
		if (!remote.cluster().equals(this.cluster)) {
			this.refused.incrementAndGet();
			warnOnce(remote.nodeId(), "Refused node " + remote.nodeId() + " of cluster '" + remote.cluster()
					+ "': node " + this.nodeId + " belongs to cluster '" + this.cluster + "'");
			throw new RejectedSetupException("Node " + this.nodeId + " belongs to cluster '" + this.cluster + "', not '"
					+ remote.cluster() + "'");
		}
		if (this.secret != null && !isProven(remote, "")) {
			this.refused.incrementAndGet();
			warnOnce(remote.nodeId(),
					"Refused node " + remote.nodeId() + ": it did not prove the cluster secret "
							+ "(litemesh.security.secret differs, or its clock is off by more than "
							+ SharedSecret.WINDOW + ")");
			throw new RejectedSetupException("Node " + this.nodeId + " refused node " + remote.nodeId()
					+ ": no valid proof of the cluster secret (litemesh.security.secret)");
		}
		return remote;
	}

	/**
	 * Refuse a plain RSocket client, which cannot prove the secret.
	 * @return the error that refuses its SETUP
	 */
	RejectedSetupException refusePlainClient() {
		this.refused.incrementAndGet();
		return new RejectedSetupException("Node " + this.nodeId + " requires the cluster secret "
				+ "(litemesh.security.secret); plain RSocket clients are refused");
	}

	/**
	 * Count a connection the other side refused.
	 */
	void countRefused() {
		this.refused.incrementAndGet();
	}

	/**
	 * Return the responder of an accepted connection: it answers the dialling node's
	 * hello request, bound to that node's proof, and hands everything else on.
	 * @param delegate the responder for the rest
	 * @param remote the dialling node's hello
	 * @return the responder
	 */
	RSocket answering(RSocket delegate, Hello remote) {
		return new HelloResponder(delegate, String.valueOf(remote.proof()));
	}

	/**
	 * Return how many connections were refused: wrong cluster, protocol or secret proof.
	 * @return the count, on either side of the handshake
	 */
	long refusedConnections() {
		return this.refused.get();
	}

	/**
	 * Read a hello, refusing one without the fields every later step relies on.
	 */
	private Hello read(ByteBuf data) {
		Hello hello = this.mapper.readValue(ByteBufUtil.getBytes(data), Hello.class);
		String nodeId = hello.nodeId();
		// the id goes into every envelope to and from the node, so it must fit one
		if (nodeId == null || nodeId.isBlank()
				|| nodeId.getBytes(StandardCharsets.UTF_8).length > Envelope.MAX_FIELD_LENGTH
				|| hello.cluster() == null) {
			throw new IllegalArgumentException(
					"a hello needs a cluster and a node id of 1 to " + Envelope.MAX_FIELD_LENGTH + " bytes");
		}
		return hello;
	}

	private void warnOnce(String peer, String message) {
		// a refused peer retries with back-off; say it once, not every few seconds
		if (this.warned.size() < 1024 && this.warned.add(peer)) {
			logger.warn(message);
		}
		else {
			logger.debug(message);
		}
	}

	private Hello signed(String boundTo) {
		SharedSecret secret = this.secret;
		long now = (secret != null) ? secret.now() : System.currentTimeMillis();
		Hello fresh = new Hello(this.hello.protocol(), this.hello.nodeId(), this.hello.cluster(),
				this.hello.incarnation(), now, null);
		return (secret != null) ? fresh.withProof(secret.prove(fresh.signedFields(boundTo))) : fresh;
	}

	private boolean isProven(Hello remote, String boundTo) {
		SharedSecret secret = this.secret;
		return secret != null && remote.proof() != null && secret.isFresh(remote.timestamp())
				&& secret.verify(remote.proof(), remote.signedFields(boundTo));
	}

	/**
	 * Answers the dialling node's hello request, then hands everything else on.
	 */
	private final class HelloResponder extends RSocketProxy {

		private final String peerProof;

		HelloResponder(RSocket delegate, String peerProof) {
			super(delegate);
			this.peerProof = peerProof;
		}

		@Override
		public Mono<Payload> requestResponse(Payload payload) {
			if (isHello(payload)) {
				payload.release();
				return Mono.just(DefaultPayload.create(encode(signed(this.peerProof))));
			}
			return super.requestResponse(payload);
		}

		private boolean isHello(Payload payload) {
			if (!payload.hasMetadata()) {
				return false;
			}
			try {
				Envelope envelope = Envelope.decode(payload.sliceMetadata());
				return envelope.isLinkLocalControl(ControlOperation.HELLO);
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

}
