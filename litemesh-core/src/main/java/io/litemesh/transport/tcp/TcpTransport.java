/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.MeshSettings;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.MimeTypes;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.Hello;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import io.rsocket.util.RSocketProxy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RSocket TCP transport of one node: its server, and the connections it dials. Every
 * connection is one duplex {@link TcpLink}. A node owns its Netty event loops, so that
 * closing one node never disturbs another in the same JVM (Reactor Netty's global
 * resources would).
 *
 * @author LiteMesh team
 */
public final class TcpTransport {

	private static final Log logger = LogFactory.getLog(TcpTransport.class);

	/**
	 * Largest fragment: bigger payloads are split, so payloads up to the size limit fit.
	 */
	private static final int MAX_MTU = 1024 * 1024;

	/** Room for the envelope and frame headers above the payload limit. */
	private static final int HEADROOM = 64 * 1024;

	/** Largest frame the length field of RSocket over TCP can describe. */
	private static final int MAX_FRAME_LENGTH = 0xFFFFFF;

	private final MeshSettings settings;

	private final Hello hello;

	private final @Nullable SharedSecret secret;

	private final InboundHandler inbound;

	private final LinkRegistry links;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final LoopResources loops;

	private final AtomicLong clients = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private final int inboundLimit;

	private final int frameLength;

	private final int mtu;

	private volatile @Nullable CloseableChannel server;

	private volatile @Nullable HostAndPort advertised;

	/**
	 * Create the transport of a node.
	 * @param settings the node's settings
	 * @param hello what the node says of itself when connecting, without timestamp and
	 * proof
	 * @param secret the cluster's shared secret, {@code null} for none
	 * @param inbound where received requests go
	 * @param links where new links are registered
	 */
	public TcpTransport(MeshSettings settings, Hello hello, @Nullable SharedSecret secret, InboundHandler inbound,
			LinkRegistry links) {
		this.settings = settings;
		this.hello = hello;
		this.secret = secret;
		this.inbound = inbound;
		this.links = links;
		this.inboundLimit = settings.maxFrameSize() + HEADROOM;
		this.frameLength = Math.min(MAX_FRAME_LENGTH, this.inboundLimit);
		this.mtu = Math.min(MAX_MTU, this.frameLength);
		int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.loops = LoopResources.create("litemesh-" + settings.nodeId(), 1, workers, true);
	}

	/**
	 * Bind the server, unless the node is outbound-only.
	 * @return the address other nodes dial, {@code null} for an outbound-only node
	 */
	public @Nullable HostAndPort start() {
		if (!this.settings.listens()) {
			return null;
		}
		String bindHost = bindHost();
		TcpServer tcpServer = TcpServer.create().host(bindHost).port(this.settings.tcpPort()).runOn(this.loops);
		CloseableChannel channel = RSocketServer.create(this::accept)
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.fragment(this.mtu)
			.maxInboundPayloadSize(this.inboundLimit)
			.maxTimeToFirstFrame(Duration.ofSeconds(10))
			.bind(TcpServerTransport.create(tcpServer, this.frameLength))
			.block(Duration.ofSeconds(30));
		this.server = channel;
		InetSocketAddress bound = channel.address();
		HostAndPort address = AdvertisedAddress.choose(this.settings.advertisedAddress(), bindHost, bound.getPort());
		this.advertised = address;
		if (this.settings.bindAddress() == null && this.settings.secret() == null) {
			logger.info("LiteMesh node " + this.settings.nodeId() + " listens on " + bindHost + ":" + bound.getPort()
					+ " only (protected mode: no litemesh.security.secret set). Set litemesh.security.secret to "
					+ "open it to the network, or litemesh.tcp.bind-address to choose the address.");
		}
		return address;
	}

	private String bindHost() {
		if (this.settings.bindAddress() != null) {
			return this.settings.bindAddress();
		}
		return (this.settings.secret() != null) ? "0.0.0.0" : "127.0.0.1";
	}

	/**
	 * Return the address other nodes dial.
	 * @return the advertised address, {@code null} for an outbound-only node or before
	 * start
	 */
	public @Nullable HostAndPort advertised() {
		return this.advertised;
	}

	/**
	 * Dial a node and register the link once both sides said hello.
	 * @param address where to dial
	 * @return the hello of the node reached; a link to this very node is closed at once
	 */
	public Mono<Hello> dial(HostAndPort address) {
		AtomicReference<@Nullable String> peer = new AtomicReference<>();
		RSocket responder = this.inbound.peerResponder(peer::get);
		Hello own = signedHello("");
		TcpClient tcpClient = TcpClient.newConnection()
			.host(address.host())
			.port(address.port())
			.runOn(this.loops)
			.option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
		return RSocketConnector.create()
			.metadataMimeType(MimeTypes.ENVELOPE)
			.dataMimeType(MimeTypes.JSON)
			.setupPayload(DefaultPayload.create(this.mapper.writeValueAsBytes(own)))
			.keepAlive(this.settings.keepAliveInterval(), this.settings.keepAliveTimeout())
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.fragment(this.mtu)
			.maxInboundPayloadSize(this.inboundLimit)
			.acceptor(SocketAcceptor.with(responder))
			.connect(TcpClientTransport.create(tcpClient, this.frameLength))
			.flatMap((rsocket) -> rsocket.requestResponse(helloRequest())
				.timeout(Duration.ofSeconds(5))
				.map((reply) -> readHello(reply))
				.flatMap((remote) -> {
					if (!remote.cluster().equals(this.settings.cluster())) {
						this.refused.incrementAndGet();
						rsocket.dispose();
						return Mono.error(new IllegalStateException(
								"Node " + remote.nodeId() + " at " + address + " belongs to cluster '"
										+ remote.cluster() + "', not '" + this.settings.cluster() + "'"));
					}
					if (this.secret != null && !isProven(remote, String.valueOf(own.proof()))) {
						this.refused.incrementAndGet();
						rsocket.dispose();
						return Mono.error(new IllegalStateException("Node " + remote.nodeId() + " at " + address
								+ " did not prove the cluster secret; check litemesh.security.secret on both nodes"));
					}
					if (remote.nodeId().equals(this.settings.nodeId())) {
						rsocket.dispose();
						return Mono.just(remote);
					}
					peer.set(remote.nodeId());
					this.links.add(new TcpLink(remote.nodeId(), rsocket, true));
					return Mono.just(remote);
				})
				.doOnError((ex) -> {
					if (ex instanceof RejectedSetupException) {
						this.refused.incrementAndGet();
					}
					rsocket.dispose();
				}));
	}

	private Mono<RSocket> accept(ConnectionSetupPayload setup, RSocket sendingSocket) {
		String metadataMimeType = setup.metadataMimeType();
		if (!MimeTypes.ENVELOPE.equals(metadataMimeType)) {
			if (this.secret != null) {
				this.refused.incrementAndGet();
				return Mono.error(new RejectedSetupException("Node " + this.settings.nodeId() + " requires the "
						+ "cluster secret (litemesh.security.secret); plain RSocket clients are refused"));
			}
			String clientName = "client-" + this.settings.nodeId() + "-" + this.clients.incrementAndGet();
			logger.debug("Accepted plain RSocket client " + clientName + " (" + metadataMimeType + ")");
			return Mono.just(this.inbound.clientResponder(clientName, metadataMimeType));
		}
		Hello remote;
		try {
			remote = this.mapper.readValue(ByteBufUtil.getBytes(setup.sliceData()), Hello.class);
		}
		catch (RuntimeException ex) {
			this.refused.incrementAndGet();
			return Mono.error(new RejectedSetupException("Malformed LiteMesh hello: " + ex.getMessage()));
		}
		if (remote.protocol() != Hello.PROTOCOL) {
			this.refused.incrementAndGet();
			return Mono.error(new RejectedSetupException("Unsupported LiteMesh protocol " + remote.protocol()
					+ "; node " + this.settings.nodeId() + " speaks " + Hello.PROTOCOL));
		}
		if (!remote.cluster().equals(this.settings.cluster())) {
			this.refused.incrementAndGet();
			warnOnce(remote.nodeId(), "Refused node " + remote.nodeId() + " of cluster '" + remote.cluster()
					+ "': node " + this.settings.nodeId() + " belongs to cluster '" + this.settings.cluster() + "'");
			return Mono.error(new RejectedSetupException("Node " + this.settings.nodeId() + " belongs to cluster '"
					+ this.settings.cluster() + "', not '" + remote.cluster() + "'"));
		}
		if (this.secret != null && !isProven(remote, "")) {
			this.refused.incrementAndGet();
			warnOnce(remote.nodeId(),
					"Refused node " + remote.nodeId() + ": it did not prove the cluster secret "
							+ "(litemesh.security.secret differs, or its clock is off by more than "
							+ SharedSecret.WINDOW + ")");
			return Mono.error(new RejectedSetupException("Node " + this.settings.nodeId() + " refused node "
					+ remote.nodeId() + ": no valid proof of the cluster secret (litemesh.security.secret)"));
		}
		RSocket responder = new HelloResponder(this.inbound.peerResponder(remote::nodeId),
				String.valueOf(remote.proof()));
		if (!remote.nodeId().equals(this.settings.nodeId())) {
			this.links.add(new TcpLink(remote.nodeId(), sendingSocket, false));
		}
		return Mono.just(responder);
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

	private Hello signedHello(String boundTo) {
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

	private Payload helloRequest() {
		Envelope envelope = Envelope.control(this.settings.nodeId(), "", Envelope.HELLO);
		ByteBuf metadata = envelope.encode(ByteBufAllocator.DEFAULT);
		return ByteBufPayload.create(io.netty.buffer.Unpooled.EMPTY_BUFFER, metadata);
	}

	private Hello readHello(Payload reply) {
		try {
			return this.mapper.readValue(ByteBufUtil.getBytes(reply.sliceData()), Hello.class);
		}
		finally {
			reply.release();
		}
	}

	/**
	 * Return how many connections were refused: wrong cluster, protocol or secret proof.
	 * @return the count, on either side of the handshake
	 */
	public long refusedConnections() {
		return this.refused.get();
	}

	/**
	 * Close the server and the event loops; links are closed by their registry.
	 */
	public void stop() {
		CloseableChannel channel = this.server;
		if (channel != null) {
			channel.dispose();
			channel.onClose().onErrorComplete().block(Duration.ofSeconds(5));
		}
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).onErrorComplete().block(Duration.ofSeconds(5));
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
				Hello answer = signedHello(this.peerProof);
				return Mono.just(DefaultPayload.create(TcpTransport.this.mapper.writeValueAsBytes(answer)));
			}
			return super.requestResponse(payload);
		}

		private boolean isHello(Payload payload) {
			if (!payload.hasMetadata()) {
				return false;
			}
			try {
				Envelope envelope = Envelope.decode(payload.sliceMetadata());
				return envelope.isLinkLocalControl(Envelope.HELLO);
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

}
