/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.rsocket;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import io.netty.buffer.ByteBufInputStream;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw rsocket-java, the baseline: an echo server whose request-response handler reads the
 * JSON with Jackson and writes the reply with Jackson, and a client doing the same on its
 * side. Also the raw forwarding relay: an {@link RSocket} that hands each request's
 * payload, as received, to its connection to the server, and the server's reply back.
 *
 * @author LiteMesh team
 */
public class RawRSocketSystem implements EchoSystem {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String startServer(Map<String, String> options) {
		SocketAcceptor acceptor = SocketAcceptor.forRequestResponse((payload) -> {
			try {
				EchoMessage request = read(payload);
				return Mono.just(ByteBufPayload.create(this.mapper.writeValueAsBytes(request)));
			}
			finally {
				payload.release();
			}
		});
		return bind(acceptor);
	}

	@Override
	public String startRelay(Map<String, String> options) {
		RSocket server = connect(EchoSystem.required(options, "server"));
		// the payload is forwarded as received: the requester releases it once written
		SocketAcceptor acceptor = SocketAcceptor.forRequestResponse(server::requestResponse);
		return bind(acceptor);
	}

	@Override
	public EchoClient connect(Map<String, String> options) {
		RSocket rsocket = connect(EchoSystem.required(options, "server"));
		return (request) -> rsocket.requestResponse(ByteBufPayload.create(this.mapper.writeValueAsBytes(request)))
			.map((reply) -> {
				try {
					return read(reply);
				}
				finally {
					reply.release();
				}
			})
			.toFuture();
	}

	private EchoMessage read(Payload payload) {
		InputStream json = new ByteBufInputStream(payload.data());
		return this.mapper.readValue(json, EchoMessage.class);
	}

	private static String bind(SocketAcceptor acceptor) {
		CloseableChannel channel = RSocketServer.create(acceptor)
			.bind(TcpServerTransport.create("127.0.0.1", 0))
			.block(CONNECT_TIMEOUT);
		InetSocketAddress address = channel.address();
		return address.getHostString() + ":" + address.getPort();
	}

	private static RSocket connect(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		return RSocketConnector.create()
			.connect(TcpClientTransport.create(hostAndPort.substring(0, colon),
					Integer.parseInt(hostAndPort.substring(colon + 1))))
			.block(CONNECT_TIMEOUT);
	}

}
