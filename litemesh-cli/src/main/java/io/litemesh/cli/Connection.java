/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;

import io.litemesh.codec.MimeTypes;
import io.litemesh.transport.tcp.HostAndPort;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;

/**
 * How the CLI dials a node as a stock RSocket client: plain TCP or TLS, composite
 * metadata (so every request can carry its route), JSON data, and the client's
 * credentials, if any, in the SETUP frame.
 *
 * @param address the node's {@code host:port}
 * @param tls the TLS context, {@code null} for plain TCP
 * @param credentials the credentials, {@code null} for none (protected mode, or a client
 * certificate)
 * @author LiteMesh team
 */
record Connection(HostAndPort address, @Nullable SslContext tls, @Nullable Credentials credentials) {

	/**
	 * Largest payload accepted, as a node's default {@code litemesh.max-frame-size}: what
	 * comes back is bounded. Frames are bounded by the transport's largest frame length,
	 * 16 MB less a byte.
	 */
	static final int MAX_PAYLOAD_SIZE = 16 * 1024 * 1024;

	/**
	 * Dial the node.
	 * @param timeout how long connecting may take
	 * @return the connection; a node that refuses the credentials says so on the first
	 * request, as RSocket answers a SETUP with an error frame only then
	 */
	Mono<RSocket> connect(Duration timeout) {
		TcpClient client = TcpClient.create()
			.host(this.address.host())
			.port(this.address.port())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
		SslContext tls = this.tls;
		if (tls != null) {
			client = client.secure((spec) -> spec.sslContext(tls).handshakeTimeout(timeout));
		}
		RSocketConnector connector = RSocketConnector.create()
			.metadataMimeType(MimeTypes.COMPOSITE)
			.dataMimeType(MimeTypes.JSON)
			.maxInboundPayloadSize(MAX_PAYLOAD_SIZE);
		Credentials credentials = this.credentials;
		if (credentials != null) {
			connector.setupPayload(DefaultPayload.create(new byte[0], setupMetadata(credentials)));
		}
		return connector.connect(TcpClientTransport.create(client)).timeout(timeout);
	}

	private static byte[] setupMetadata(Credentials credentials) {
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		try {
			CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
					WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, credentials.encode(ByteBufAllocator.DEFAULT));
			return ByteBufUtil.getBytes(metadata);
		}
		finally {
			metadata.release();
		}
	}

	@Override
	public String toString() {
		return this.address + ((this.tls != null) ? " (TLS)" : "");
	}

}
