/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.litemesh.transport.tcp.HostAndPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeType;

/**
 * Stock RSocket clients for tests: Spring's {@link RSocketRequester} and rsocket-java's
 * own {@link RSocketConnector}, with or without RSocket's authentication extension in
 * their SETUP metadata.
 */
final class StockClients {

	static final MimeType AUTHENTICATION = MimeType
		.valueOf(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

	private StockClients() {
	}

	/**
	 * Encode {@code simple} credentials with rsocket-java's codec.
	 * @param name the client's name
	 * @param token its token
	 * @return the metadata entry's content
	 */
	static byte[] simple(String name, String token) {
		return bytes(AuthMetadataCodec.encodeSimpleMetadata(ByteBufAllocator.DEFAULT, name.toCharArray(),
				token.toCharArray()));
	}

	/**
	 * Encode {@code bearer} credentials with rsocket-java's codec.
	 * @param token the token
	 * @return the metadata entry's content
	 */
	static byte[] bearer(String token) {
		return bytes(AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray()));
	}

	private static byte[] bytes(ByteBuf buffer) {
		try {
			return ByteBufUtil.getBytes(buffer);
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * Return Spring's requester for a node, connecting on first use.
	 * @param node the node
	 * @param credentials the authentication entry of the SETUP metadata, {@code null} for
	 * none
	 * @return the requester
	 */
	static RSocketRequester requester(MeshNode node, byte @Nullable [] credentials) {
		HostAndPort address = HostAndPort.parse(node.addresses().get(0), -1);
		RSocketStrategies strategies = RSocketStrategies.builder()
			.encoders((encoders) -> encoders.add(new JacksonJsonEncoder()))
			.decoders((decoders) -> decoders.add(new JacksonJsonDecoder()))
			.build();
		RSocketRequester.Builder builder = RSocketRequester.builder()
			.rsocketStrategies(strategies)
			.dataMimeType(MediaType.APPLICATION_JSON);
		if (credentials != null) {
			builder.setupMetadata(credentials, AUTHENTICATION);
		}
		return builder.tcp(address.host(), address.port());
	}

	/**
	 * Connect rsocket-java's own client to a node.
	 * @param node the node
	 * @param credentials the authentication entry of the SETUP metadata, {@code null} for
	 * none
	 * @return the connection, or the node's refusal
	 */
	static Mono<RSocket> connect(MeshNode node, byte @Nullable [] credentials) {
		HostAndPort address = HostAndPort.parse(node.addresses().get(0), -1);
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		if (credentials != null) {
			CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
					WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
					ByteBufAllocator.DEFAULT.buffer().writeBytes(credentials));
		}
		return RSocketConnector.create()
			.metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
			.dataMimeType(WellKnownMimeType.APPLICATION_JSON.getString())
			.setupPayload(DefaultPayload.create(new byte[0], bytes(metadata)))
			.connect(TcpClientTransport.create(address.host(), address.port()));
	}

	/**
	 * Build a request for rsocket-java's client: a route in composite metadata, JSON
	 * data.
	 * @param route {@code <service>.<endpoint>}
	 * @param json the JSON payload
	 * @return the payload
	 */
	static Payload request(String route, String json) {
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
				WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
				TaggingMetadataCodec.createRoutingMetadata(ByteBufAllocator.DEFAULT, List.of(route)).getContent());
		return DefaultPayload.create(json.getBytes(StandardCharsets.UTF_8), bytes(metadata));
	}

}
