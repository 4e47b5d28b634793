/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.SslProvider;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;
import reactor.netty.tcp.TcpSslContextSpec;

/**
 * Turns a node's {@link TcpTls} into Reactor Netty's TLS for its server and the
 * connections it dials, and counts the TLS handshakes that fail.
 * <p>
 * The server is bound once, yet must present reloaded material to new connections: it
 * picks its {@link SslProvider} per connection through Reactor Netty's SNI mapping, which
 * answers the current provider whatever name the client asks for (none, usually), as
 * Spring Boot's Netty web server does for reloaded bundles. Dialled connections build
 * their client from the current context each time.
 *
 * @author LiteMesh team
 */
final class TlsContexts {

	private static final Log logger = LogFactory.getLog(TlsContexts.class);

	/**
	 * Longest TLS handshake: as long as a dial may take to connect, so that a node
	 * dialling a plaintext node (which waits for a frame that never comes) gives up soon.
	 */
	static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

	private static final String OBSERVER = "litemesh.tlsHandshakeObserver";

	private final TcpTls tls;

	private final String nodeId;

	private final AtomicLong refused = new AtomicLong();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private volatile Contexts contexts;

	/**
	 * Build the TLS contexts of a node.
	 * @param tls the node's TLS settings
	 * @param nodeId the node's id, for the log
	 * @throws IllegalStateException when the material makes no TLS context
	 */
	TlsContexts(TcpTls tls, String nodeId) {
		this.tls = tls;
		this.nodeId = nodeId;
		try {
			this.contexts = build(tls.material());
		}
		catch (SSLException | RuntimeException ex) {
			throw new IllegalStateException("Node " + nodeId + " cannot use its TLS material: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Secure a server: every connection it accepts is TLS with the material current when
	 * it opens, and failed handshakes are counted.
	 * @param server the server
	 * @return the secured server
	 */
	TcpServer secure(TcpServer server) {
		return server
			.secure((spec) -> spec.sslContext(current().server().getSslContext())
				.handshakeTimeout(HANDSHAKE_TIMEOUT)
				.setSniAsyncMappings((serverName, promise) -> promise.setSuccess(current().server())))
			.doOnChannelInit((observer, channel, remoteAddress) -> observe(channel));
	}

	/**
	 * Secure a client for one dial, with the material current now.
	 * @param client the client
	 * @return the secured client
	 */
	TcpClient secure(TcpClient client) {
		SslContext context = current().client();
		return client.secure((spec) -> spec.sslContext(context).handshakeTimeout(HANDSHAKE_TIMEOUT));
	}

	/**
	 * Explain a failed dial when TLS is what failed, and count it.
	 * @param failure why the dial failed
	 * @param address where the node dialled
	 * @return an error that says why, or the failure itself when TLS is not the cause
	 */
	Throwable explain(Throwable failure, HostAndPort address) {
		SSLException tlsFailure = sslCause(failure);
		if (tlsFailure == null) {
			return failure;
		}
		this.refused.incrementAndGet();
		return new IllegalStateException("TLS handshake with " + address + " failed (" + reason(tlsFailure)
				+ "): the node there may not use TLS (litemesh.tcp.ssl.bundle), or the two nodes' bundles do not "
				+ "trust each other's certificates", failure);
	}

	/**
	 * Return whether dialling nodes must present a certificate.
	 * @return the client authentication
	 */
	TcpTls.ClientAuth clientAuth() {
		return this.tls.clientAuth();
	}

	/**
	 * Return how many TLS handshakes failed, in either direction.
	 * @return the count
	 */
	long refusedConnections() {
		return this.refused.get();
	}

	private Contexts current() {
		TcpTls.Material material = this.tls.material();
		Contexts current = this.contexts;
		if (current.material() == material) {
			return current;
		}
		synchronized (this) {
			current = this.contexts;
			if (current.material() != material) {
				try {
					current = build(material);
					logger.info("Node " + this.nodeId + " uses reloaded TLS material for new connections");
				}
				catch (SSLException | RuntimeException ex) {
					// a broken reload must not stop new connections: keep what worked
					logger.error("Node " + this.nodeId + " cannot use the reloaded TLS material (" + ex.getMessage()
							+ "); new connections keep the previous material");
					current = new Contexts(material, current.server(), current.client());
				}
				this.contexts = current;
			}
			return current;
		}
	}

	private Contexts build(TcpTls.Material material) throws SSLException {
		SslContext server = TcpSslContextSpec.forServer(material.keyManagerFactory()).configure((builder) -> {
			builder.trustManager(material.trustManagerFactory()).clientAuth(clientAuth(this.tls.clientAuth()));
			restrict(builder, material);
		}).sslContext();
		SslContext client = TcpSslContextSpec.forClient().configure((builder) -> {
			// the trusted certificate proves membership; peers are dialled at the
			// addresses members advertise, which certificates need not list
			builder.keyManager(material.keyManagerFactory())
				.trustManager(material.trustManagerFactory())
				.endpointIdentificationAlgorithm(null);
			restrict(builder, material);
		}).sslContext();
		SslProvider serverProvider = SslProvider.builder()
			.sslContext(server)
			.handshakeTimeout(HANDSHAKE_TIMEOUT)
			.build();
		return new Contexts(material, serverProvider, client);
	}

	private static void restrict(SslContextBuilder builder, TcpTls.Material material) {
		if (!material.protocols().isEmpty()) {
			builder.protocols(material.protocols());
		}
		if (!material.ciphers().isEmpty()) {
			builder.ciphers(material.ciphers());
		}
	}

	private static ClientAuth clientAuth(TcpTls.ClientAuth clientAuth) {
		return switch (clientAuth) {
			case NEED -> ClientAuth.REQUIRE;
			case WANT -> ClientAuth.OPTIONAL;
			case NONE -> ClientAuth.NONE;
		};
	}

	private void observe(Channel channel) {
		if (channel.pipeline().get(NettyPipeline.SslHandler) != null) {
			channel.pipeline().addAfter(NettyPipeline.SslHandler, OBSERVER, new HandshakeObserver());
		}
	}

	private void refused(@Nullable SocketAddress remoteAddress, Throwable cause) {
		this.refused.incrementAndGet();
		String host = (remoteAddress instanceof InetSocketAddress inet) ? inet.getHostString()
				: String.valueOf(remoteAddress);
		String message = "Node " + this.nodeId + " refused a connection from " + host + ": its TLS handshake failed ("
				+ reason(cause)
				+ "); a node without litemesh.tcp.ssl.bundle, or without a certificate this node's bundle "
				+ "trusts, cannot join";
		// a refused peer retries with back-off: say it once per host, not every few
		// seconds
		if (this.warned.size() < 1024 && this.warned.add(host)) {
			logger.warn(message);
		}
		else {
			logger.debug(message);
		}
	}

	private static String reason(Throwable cause) {
		// never the bytes a plaintext peer sent: Netty's message would dump them
		return (cause instanceof NotSslRecordException) ? "the peer spoke plain TCP, not TLS"
				: String.valueOf(cause.getMessage());
	}

	private static @Nullable SSLException sslCause(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SSLException ssl) {
				return ssl;
			}
		}
		return null;
	}

	/**
	 * The contexts built from one material.
	 */
	private record Contexts(TcpTls.Material material, SslProvider server, SslContext client) {

	}

	/**
	 * Counts and logs a failed handshake on an accepted connection, then leaves the
	 * pipeline.
	 */
	private final class HandshakeObserver extends ChannelInboundHandlerAdapter {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof SslHandshakeCompletionEvent completion) {
				if (!completion.isSuccess()) {
					refused(ctx.channel().remoteAddress(), completion.cause());
				}
				ctx.pipeline().remove(this);
			}
			super.userEventTriggered(ctx, event);
		}

	}

}
