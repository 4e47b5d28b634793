/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.tcp.Hello;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever answers at an address a node dials without knowing the cluster secret: a
 * planted seed, a man in the middle. As soon as a node connects, it asks that node for
 * its state and records what it got; it answers the node's hello with a forged proof.
 */
final class RogueServer implements AutoCloseable {

	private final CloseableChannel channel;

	private RogueServer(CloseableChannel channel) {
		this.channel = channel;
	}

	static RogueServer start(String cluster, AtomicReference<String> saw) {
		JsonMapper mapper = JsonMapper.builder().build();
		Hello forged = new Hello(Hello.PROTOCOL, "rogue", cluster, System.currentTimeMillis(), SharedSecret.nonce(),
				"Zm9yZ2Vk");
		CloseableChannel channel = RSocketServer.create((setup, dialler) -> {
			Envelope envelope = Envelope.control("rogue", "", ControlOperation.STATE);
			dialler
				.requestResponse(
						ByteBufPayload.create(Unpooled.EMPTY_BUFFER, envelope.encode(ByteBufAllocator.DEFAULT)))
				.subscribe((state) -> {
					saw.set("served: " + state.getDataUtf8());
					state.release();
				}, (ex) -> saw.set("refused: " + ex));
			return Mono.just(new RSocket() {

				@Override
				public Mono<Payload> requestResponse(Payload payload) {
					payload.release();
					return Mono.just(DefaultPayload.create(mapper.writeValueAsBytes(forged)));
				}

			});
		}).bind(TcpServerTransport.create("127.0.0.1", 0)).block(RawPeer.TIMEOUT);
		return new RogueServer(channel);
	}

	String address() {
		return "127.0.0.1:" + this.channel.address().getPort();
	}

	@Override
	public void close() {
		this.channel.dispose();
	}

}
