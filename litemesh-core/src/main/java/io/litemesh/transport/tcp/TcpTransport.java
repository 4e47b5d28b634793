/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.litemesh.transport.RSocketLink;
import io.litemesh.codec.MimeTypes;
import io.litemesh.security.SecurityEvents;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkDialler;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.PeerDirectory;
import io.litemesh.transport.Transport;
import io.litemesh.view.TransportHealth;
import io.netty.channel.ChannelOption;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.RejectedException;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * The RSocket TCP transport of one node: its server, the connections it dials, and the
 * {@link LinkDialler} that keeps the node joined. Every connection is one duplex
 * {@link RSocketLink}, registered once both sides passed the {@link Handshake}. A node
 * owns its Netty event loops, so that closing one node never disturbs another in the same
 * JVM (Reactor Netty's global resources would).
 * <p>
 * One class on purpose: the server, the dialled connections and the dialler share one set
 * of event loops and one RSocket configuration (fragmentation, frame limits, keepalive),
 * and are started and stopped together; the handshake and the dialling policy are classes
 * of their own.
 *
 * @author LiteMesh team
 */
public final class TcpTransport implements Transport {

	/** The name of this transport, as the graph shows its links. */
	public static final String NAME = "tcp";

	private static final Log logger = LogFactory.getLog(TcpTransport.class);

	private static final Duration DIAL_TICK = Duration.ofMillis(100);

	/**
	 * Largest fragment: bigger payloads are split, so payloads up to the size limit fit.
	 */
	private static final int MAX_MTU = 1024 * 1024;

	/** Room for the envelope and frame headers above the payload limit. */
	private static final int HEADROOM = 64 * 1024;

	/** The least a connection may hold queued for sending, whatever the frame size. */
	private static final long MIN_QUEUED_BYTES = 8L * 1024 * 1024;

	/** Largest frame the length field of RSocket over TCP can describe. */
	private static final int MAX_FRAME_LENGTH = 0xFFFFFF;

	private final TcpSettings settings;

	private final Handshake handshake;

	private final ClientAuthenticator clientAuthenticator;

	private final InboundHandler inbound;

	private final LinkRegistry links;

	private final Predicate<String> allowedPeers;

	private final LinkDialler dialler;

	private final Scheduler scheduler;

	private final LoopResources loops;

	private final @Nullable TlsContexts tls;

	private final SecurityEvents events;

	private final Acceptor acceptor;

	private final OutboundBound outboundBound;

	private final AddressLimit addressLimit;

	private final int inboundLimit;

	private final int frameLength;

	private final int mtu;

	private volatile @Nullable CloseableChannel server;

	private volatile List<String> addresses = List.of();

	private volatile @Nullable Boolean advertisedAddressVerified;

	private volatile @Nullable Disposable dialling;

	/**
	 * Create the transport of a node.
	 * @param settings the transport's settings
	 * @param incarnation when the node started, as its hello says
	 * @param secret the cluster's shared secret, {@code null} for none
	 * @param events where refusals are counted and logged
	 * @param clientTokens the token of each stock RSocket client, by client name
	 * ({@code litemesh.security.clients.*})
	 * @param inbound where received requests go
	 * @param links where new links are registered
	 * @param directory the known peers, for the dialler
	 * @param allowedPeers which peers this node may link to
	 * @param clock the node's clock, for back-off
	 * @param scheduler the node's scheduler, for the dialler's ticks
	 */
	public TcpTransport(TcpSettings settings, long incarnation, @Nullable SharedSecret secret, SecurityEvents events,
			Map<String, String> clientTokens, InboundHandler inbound, LinkRegistry links, PeerDirectory directory,
			Predicate<String> allowedPeers, Clock clock, Scheduler scheduler) {
		this.settings = settings;
		this.events = events;
		this.handshake = new Handshake(settings.nodeId(), settings.cluster(), incarnation, secret, events);
		// with a secret, stock clients need credentials; a client certificate that TLS
		// with client-auth need verified is credential enough (DESIGN section 8)
		this.clientAuthenticator = new ClientAuthenticator(settings.nodeId(),
				settings.secretSet() && !settings.tlsClientAuthRequired(), clientTokens);
		// a node links to few peers; far more connections than that is a flood, and one
		// host may hold half of them
		int maxConnections = Math.max(64, settings.maxLinks() * 8);
		this.addressLimit = new AddressLimit(maxConnections / 2, events);
		this.inbound = inbound;
		this.links = links;
		this.allowedPeers = allowedPeers;
		this.scheduler = scheduler;
		this.acceptor = new Acceptor(settings.nodeId(), this.handshake, this.clientAuthenticator, inbound, events,
				maxConnections, this::register);
		this.inboundLimit = settings.maxFrameSize() + HEADROOM;
		this.frameLength = Math.min(MAX_FRAME_LENGTH, this.inboundLimit);
		this.mtu = Math.min(MAX_MTU, this.frameLength);
		// a few of the largest frames may wait for the socket; a peer further behind is
		// not reading what it asked for
		this.outboundBound = new OutboundBound(Math.max(MIN_QUEUED_BYTES, 4L * this.inboundLimit), settings.nodeId(),
				events);
		// a connection lives on one event loop; with one loop for all, a message relayed
		// from link to link never waits for another thread to wake up
		this.loops = LoopResources.create("litemesh-" + settings.nodeId(), 1, settings.ioThreads(), true);
		TcpTls tls = settings.tls();
		this.tls = (tls != null) ? new TlsContexts(tls, settings.nodeId()) : null;
		this.dialler = new LinkDialler(settings.dialPolicy(), directory, links, allowedPeers,
				SeedAddresses.of(settings, clock)::current,
				(address) -> dial(HostAndPort.parse(address, TcpSettings.DEFAULT_PORT)).map(Hello::nodeId), clock);
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Bind the server, unless the node is outbound-only, check that the node reaches
	 * itself at the address it advertises, and start dialling.
	 * @return the address other nodes dial, empty for an outbound-only node
	 */
	@Override
	public List<String> start() {
		HostAndPort advertised = this.settings.listens() ? bind() : null;
		this.addresses = (advertised != null) ? List.of(advertised.toUri()) : List.of();
		if (advertised != null) {
			checkAdvertisedAddress(advertised);
		}
		// the first tick waits one period, so the node has published its addresses and
		// started its other transports before its first link comes up
		this.dialling = this.scheduler.schedulePeriodically(this::dialTick, DIAL_TICK.toMillis(), DIAL_TICK.toMillis(),
				TimeUnit.MILLISECONDS);
		return this.addresses;
	}

	private HostAndPort bind() {
		String bindHost = bindHost();
		TcpServer tcpServer = TcpServer.create()
			.host(bindHost)
			.port(this.settings.port())
			.runOn(this.loops)
			.doOnConnection((connection) -> {
				if (this.addressLimit.admit(connection)) {
					this.outboundBound.watch(connection);
				}
			});
		TlsContexts tls = this.tls;
		if (tls != null) {
			tcpServer = tls.secure(tcpServer);
		}
		CloseableChannel channel = RSocketServer.create(this.acceptor::accept)
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.fragment(this.mtu)
			.maxInboundPayloadSize(this.inboundLimit)
			.maxTimeToFirstFrame(Duration.ofSeconds(10))
			.bind(TcpServerTransport.create(tcpServer, this.frameLength))
			.block(Duration.ofSeconds(30));
		this.server = channel;
		InetSocketAddress bound = channel.address();
		if (this.settings.bindAddress() == null && !this.settings.authenticatesPeers()) {
			logger.info("LiteMesh node " + this.settings.nodeId() + " listens on " + bindHost + ":" + bound.getPort()
					+ " only (protected mode: neither litemesh.security.secret nor TLS client certificates, "
					+ "litemesh.tcp.ssl.bundle with litemesh.tcp.ssl.client-auth=need). Set one of them to open it "
					+ "to the network, or litemesh.tcp.bind-address to choose the address.");
		}
		else if (!this.settings.authenticatesPeers() && !isLoopback(bound)) {
			// only litemesh.security.allow-unauthenticated=true lets a node get here
			logger.warn("LiteMesh node " + this.settings.nodeId() + " listens on " + bindHost + ":" + bound.getPort()
					+ " without authenticating its peers (litemesh.security.allow-unauthenticated=true): any "
					+ "process that reaches this address can join the mesh and call its services");
		}
		if (tls != null) {
			logger.info("LiteMesh node " + this.settings.nodeId() + " accepts and dials TLS connections only ("
					+ "client certificates: " + tls.clientAuth() + ")");
		}
		return AdvertisedAddress.choose(this.settings.advertisedAddress(), bindHost, bound.getPort());
	}

	private String bindHost() {
		if (this.settings.bindAddress() != null) {
			return this.settings.bindAddress();
		}
		return this.settings.authenticatesPeers() ? "0.0.0.0" : "127.0.0.1";
	}

	private static boolean isLoopback(InetSocketAddress address) {
		return address.getAddress() != null && address.getAddress().isLoopbackAddress();
	}

	private void checkAdvertisedAddress(HostAndPort advertised) {
		try {
			Hello reached = dial(advertised).block(Duration.ofSeconds(5));
			boolean verified = reached != null && reached.nodeId().equals(this.settings.nodeId());
			this.advertisedAddressVerified = verified;
			if (verified) {
				return;
			}
			logger.warn("Node " + this.settings.nodeId() + " advertises " + advertised.toUri() + " but reached node "
					+ ((reached != null) ? reached.nodeId() : "none") + " there; set litemesh.tcp.advertised-address "
					+ "to an address of this node that other nodes can dial");
		}
		catch (RuntimeException ex) {
			this.advertisedAddressVerified = false;
			logger.warn("Node " + this.settings.nodeId() + " cannot reach itself at its advertised address "
					+ advertised.toUri() + " (" + ex.getMessage() + "), so peers will not be able to dial it; set "
					+ "litemesh.tcp.advertised-address to an address of this node that other nodes can dial");
		}
	}

	private void dialTick() {
		try {
			this.dialler.tick(this.addresses);
		}
		catch (RuntimeException ex) {
			logger.warn("Node " + this.settings.nodeId() + ": dialling failed", ex);
		}
	}

	/**
	 * Dial a node and register the link once both sides said hello.
	 * @param address where to dial
	 * @return the hello of the node reached; a link to this very node is closed at once
	 */
	public Mono<Hello> dial(HostAndPort address) {
		AtomicReference<@Nullable String> peer = new AtomicReference<>();
		GatedResponder gate = new GatedResponder(this.inbound.peerResponder(peer::get), this.events);
		Hello own = this.handshake.dialHello();
		TcpClient tcpClient = TcpClient.newConnection()
			.host(address.host())
			.port(address.port())
			.runOn(this.loops)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
			.doOnConnected(this.outboundBound::watch);
		TlsContexts tls = this.tls;
		if (tls != null) {
			tcpClient = tls.secure(tcpClient);
		}
		return RSocketConnector.create()
			.metadataMimeType(MimeTypes.ENVELOPE)
			.dataMimeType(MimeTypes.JSON)
			.setupPayload(DefaultPayload.create(this.handshake.encode(own)))
			.keepAlive(this.settings.keepAliveInterval(), this.settings.keepAliveTimeout())
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.fragment(this.mtu)
			.maxInboundPayloadSize(this.inboundLimit)
			.acceptor(SocketAcceptor.with(gate))
			.connect(TcpClientTransport.create(tcpClient, this.frameLength))
			.onErrorMap((ex) -> (tls != null) ? tls.explain(ex, address) : ex)
			.flatMap((rsocket) -> rsocket.requestResponse(this.handshake.helloRequest())
				.timeout(Duration.ofSeconds(5))
				.map((reply) -> this.handshake.checkAnswer(reply, own, address))
				.flatMap((remote) -> rsocket.requestResponse(this.handshake.proveRequest(own, remote))
					.timeout(Duration.ofSeconds(5))
					.doOnNext(Payload::release)
					.then(Mono.just(remote)))
				.map((remote) -> {
					if (remote.nodeId().equals(this.settings.nodeId())) {
						rsocket.dispose();
						return remote;
					}
					// both sides proved membership: only now does this side serve
					peer.set(remote.nodeId());
					gate.open();
					register(new RSocketLink(remote.nodeId(), remote.incarnation(), NAME, rsocket, true));
					return remote;
				})
				.doOnError((ex) -> {
					if (ex instanceof RejectedSetupException || ex instanceof RejectedException) {
						this.handshake.countRefused();
					}
					rsocket.dispose();
				}));
	}

	private void register(RSocketLink link) {
		if (!this.allowedPeers.test(link.peerId())) {
			logger.debug("Link to " + link.peerId() + " is not allowed; closing it");
			link.dispose();
			return;
		}
		this.links.add(link);
	}

	/**
	 * Return how many connections were refused: wrong cluster, protocol or secret proof,
	 * a failed TLS handshake, or a plain client without the right credentials.
	 * @return the count, on either side of the handshake
	 */
	public long refusedConnections() {
		TlsContexts tls = this.tls;
		return this.handshake.refusedConnections() + ((tls != null) ? tls.refusedConnections() : 0)
				+ this.clientAuthenticator.refused();
	}

	/**
	 * Return whether the node reached itself at its advertised address.
	 * @return the outcome of the check at start, {@code null} when the node does not
	 * listen
	 */
	public @Nullable Boolean advertisedAddressVerified() {
		return this.advertisedAddressVerified;
	}

	/**
	 * Return no health of its own: TCP reports through the node's counters
	 * ({@code refusedConnections}, {@code advertisedAddressVerified}).
	 * @return {@code null}
	 */
	@Override
	public @Nullable TransportHealth health() {
		return null;
	}

	/**
	 * Stop dialling, close the server, the links and the event loops.
	 */
	@Override
	public void stop() {
		Disposable task = this.dialling;
		if (task != null) {
			task.dispose();
		}
		this.links.links(NAME).forEach((link) -> link.dispose());
		CloseableChannel channel = this.server;
		if (channel != null) {
			channel.dispose();
			channel.onClose().onErrorComplete().block(Duration.ofSeconds(5));
		}
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).onErrorComplete().block(Duration.ofSeconds(5));
	}

}
