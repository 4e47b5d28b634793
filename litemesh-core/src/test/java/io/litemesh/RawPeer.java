/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.MimeTypes;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.tcp.Hello;
import io.litemesh.transport.tcp.HostAndPort;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker's, or an insider's, hand-made connection to a node: it speaks the wire
 * protocol of {@code docs/protocol.md} step by step, so tests can stop half way, replay,
 * or forge what a real node never would.
 */
final class RawPeer implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Hello own;

	private final RSocket rsocket;

	private @Nullable Hello answer;

	private RawPeer(Hello own, RSocket rsocket) {
		this.own = own;
		this.rsocket = rsocket;
	}

	/**
	 * Open a connection with a hello of the given id and cluster and a fresh nonce.
	 * @param node the node to dial
	 * @param nodeId the id to claim
	 * @param cluster the cluster to claim
	 * @return the connection, after SETUP
	 */
	static RawPeer connect(MeshNode node, String nodeId, String cluster) {
		return connect(node,
				new Hello(Hello.PROTOCOL, nodeId, cluster, System.currentTimeMillis(), SharedSecret.nonce(), null));
	}

	/**
	 * Open a connection with the given hello.
	 * @param node the node to dial
	 * @param hello what to send in the SETUP frame
	 * @return the connection, after SETUP
	 */
	static RawPeer connect(MeshNode node, Hello hello) {
		return connect(node, hello, "127.0.0.1");
	}

	/**
	 * Open a connection from a given local address, such as another address of the
	 * loopback range, as another host would.
	 * @param node the node to dial
	 * @param nodeId the id to claim
	 * @param cluster the cluster to claim
	 * @param from the local address to connect from
	 * @return the connection, after SETUP
	 */
	static RawPeer connectFrom(MeshNode node, String nodeId, String cluster, String from) {
		return connect(node,
				new Hello(Hello.PROTOCOL, nodeId, cluster, System.currentTimeMillis(), SharedSecret.nonce(), null),
				from);
	}

	private static RawPeer connect(MeshNode node, Hello hello, String from) {
		HostAndPort address = HostAndPort.parse(node.addresses().get(0), 7070);
		RSocket quiet = new RSocket() {

			@Override
			public Mono<Void> fireAndForget(Payload payload) {
				payload.release();
				return Mono.empty();
			}

		};
		RSocket rsocket = RSocketConnector.create()
			.metadataMimeType(MimeTypes.ENVELOPE)
			.dataMimeType(MimeTypes.JSON)
			.setupPayload(DefaultPayload.create(MAPPER.writeValueAsBytes(hello)))
			.acceptor(SocketAcceptor.with(quiet))
			.connect(TcpClientTransport.create(TcpClient.create()
				.host(address.host())
				.port(address.port())
				.bindAddress(() -> new InetSocketAddress(from, 0))))
			.block(TIMEOUT);
		return new RawPeer(hello, rsocket);
	}

	Hello own() {
		return this.own;
	}

	RSocket rsocket() {
		return this.rsocket;
	}

	/**
	 * Ask for the node's hello, as the first step of the handshake.
	 * @return the node's hello
	 */
	Hello hello() {
		Payload reply = this.rsocket.requestResponse(control(ControlOperation.HELLO, new byte[0])).block(TIMEOUT);
		try {
			this.answer = MAPPER.readValue(reply.getDataUtf8(), Hello.class);
			return this.answer;
		}
		finally {
			reply.release();
		}
	}

	/**
	 * Return the proof an insider computes for this connection.
	 * @param secret the cluster secret
	 * @return the proof over both hellos and both nonces
	 */
	String proofFor(String secret) {
		Hello accepting = this.answer;
		return new SharedSecret(secret, java.time.Clock.systemUTC()).prove("dial", this.own.cluster(),
				this.own.nodeId(), this.own.incarnation(), this.own.nonce(), accepting.nodeId(),
				accepting.incarnation(), accepting.nonce());
	}

	/**
	 * Send a proof, the last step of the handshake.
	 * @param proof the proof
	 * @return the node's answer: empty when accepted, an error when refused
	 */
	Mono<Payload> prove(String proof) {
		return this.rsocket.requestResponse(control(ControlOperation.PROVE, proof.getBytes()));
	}

	/**
	 * Run the whole handshake as an insider who knows the secret, so the node links to
	 * this peer.
	 * @param secret the cluster secret
	 */
	void joinAsInsider(String secret) {
		hello();
		Payload accepted = prove(proofFor(secret)).block(TIMEOUT);
		if (accepted == null) {
			throw new IllegalStateException("the node did not answer the proof");
		}
		accepted.release();
	}

	/**
	 * Make a request-response as this peer, on the first hop.
	 * @param source who the call claims to come from
	 * @param destination the node it is for
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param json the payload
	 * @return the answer
	 */
	Mono<Payload> call(String source, String destination, String service, String endpoint, String json) {
		Envelope envelope = new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 0, java.util.UUID.randomUUID(),
				source, destination, service, endpoint, "");
		return this.rsocket.requestResponse(ByteBufPayload.create(Unpooled.wrappedBuffer(json.getBytes()),
				envelope.encode(ByteBufAllocator.DEFAULT)));
	}

	/**
	 * Send advertisements as a neighbour floods them.
	 * @param advertisements the advertisements, as JSON-mappable objects
	 */
	void advertise(List<?> advertisements) {
		this.rsocket.fireAndForget(control(ControlOperation.ADVERTISE, MAPPER.writeValueAsBytes(advertisements)))
			.block(TIMEOUT);
	}

	/**
	 * Ask the node for its state, as a neighbour on its first hop.
	 * @return the answer
	 */
	Mono<Payload> state() {
		Envelope envelope = Envelope.control(this.own.nodeId(), "", ControlOperation.STATE);
		return this.rsocket
			.requestResponse(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, envelope.encode(ByteBufAllocator.DEFAULT)));
	}

	private Payload control(ControlOperation operation, byte[] data) {
		Envelope envelope = Envelope.control(this.own.nodeId(), "", operation);
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	@Override
	public void close() {
		this.rsocket.dispose();
	}

}
