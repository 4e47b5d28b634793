/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.rsocket;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.litemesh.benchmarks.driver.BenchmarkTls;
import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import io.litemesh.codec.JsonCodec;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.ssl.ClientAuth;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;
import reactor.netty.tcp.TcpSslContextSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw rsocket-java, the baseline: an echo server whose request-response handler reads the
 * JSON with Jackson and writes the reply with Jackson, and a client doing the same on its
 * side, over mutual TLS with option {@code tls=<key store>} (see {@link BenchmarkTls}).
 * Also the raw forwarding relay: an {@link RSocket} that hands each request's payload, as
 * received, to its connection to the server, and the server's reply back.
 *
 * @author LiteMesh team
 */
public class RawRSocketSystem implements EchoSystem {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String startServer(Map<String, String> options) throws Exception {
		SocketAcceptor acceptor = SocketAcceptor.forRequestResponse((payload) -> {
			try {
				EchoMessage request = read(payload);
				return Mono.just(json(request));
			}
			finally {
				payload.release();
			}
		});
		return bind(acceptor, tls(options));
	}

	@Override
	public String startRelay(Map<String, String> options) {
		RSocket server = connect(EchoSystem.required(options, "server"), null);
		// the payload is forwarded as received: the requester releases it once written
		SocketAcceptor acceptor = SocketAcceptor.forRequestResponse(server::requestResponse);
		return bind(acceptor, null);
	}

	@Override
	public EchoClient connect(Map<String, String> options) throws Exception {
		RSocket rsocket = connect(EchoSystem.required(options, "server"), tls(options));
		return (request) -> rsocket.requestResponse(json(request)).map((reply) -> {
			try {
				return read(reply);
			}
			finally {
				reply.release();
			}
		}).toFuture();
	}

	// in a pooled direct buffer, as LiteMesh sends its data: a heap buffer costs a copy
	// before every write, which would handicap the baseline
	private Payload json(EchoMessage message) {
		return ByteBufPayload.create(JsonCodec.direct(this.mapper.writeValueAsBytes(message)));
	}

	private EchoMessage read(Payload payload) {
		InputStream json = new ByteBufInputStream(payload.data());
		return this.mapper.readValue(json, EchoMessage.class);
	}

	private static String bind(SocketAcceptor acceptor, @Nullable BenchmarkTls tls) {
		TcpServer server = TcpServer.create().host("127.0.0.1").port(0);
		if (tls != null) {
			// what a LiteMesh node with client-auth 'need' configures
			server = server.secure((spec) -> spec.sslContext(TcpSslContextSpec.forServer(tls.keyManagers())
				.configure((builder) -> builder.trustManager(tls.trustManagers()).clientAuth(ClientAuth.REQUIRE))));
		}
		CloseableChannel channel = RSocketServer.create(acceptor)
			.bind(TcpServerTransport.create(server))
			.block(CONNECT_TIMEOUT);
		InetSocketAddress address = channel.address();
		return address.getHostString() + ":" + address.getPort();
	}

	private static RSocket connect(String hostAndPort, @Nullable BenchmarkTls tls) {
		int colon = hostAndPort.lastIndexOf(':');
		TcpClient client = TcpClient.create()
			.host(hostAndPort.substring(0, colon))
			.port(Integer.parseInt(hostAndPort.substring(colon + 1)));
		if (tls != null) {
			client = client.secure((spec) -> spec.sslContext(TcpSslContextSpec.forClient()
				.configure((builder) -> builder.keyManager(tls.keyManagers())
					.trustManager(tls.trustManagers())
					.endpointIdentificationAlgorithm(null))));
		}
		return RSocketConnector.create().connect(TcpClientTransport.create(client)).block(CONNECT_TIMEOUT);
	}

	private static @Nullable BenchmarkTls tls(Map<String, String> options) throws Exception {
		String keyStore = options.get("tls");
		return (keyStore != null) ? BenchmarkTls.load(Path.of(keyStore)) : null;
	}

}
