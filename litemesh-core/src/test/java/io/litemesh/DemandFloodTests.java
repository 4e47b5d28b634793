/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.tcp.HostAndPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.frame.FrameLengthCodec;
import io.rsocket.frame.RequestStreamFrameCodec;
import io.rsocket.frame.SetupFrameCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that asks for streams with unbounded demand and never reads its socket: the
 * node must not queue what it cannot send without bound.
 */
class DemandFloodTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void aPeerThatDoesNotReadWhatItAskedForIsCutOffWithBoundedMemory() throws Exception {
		try (TestMesh mesh = TestMesh.tcp()) {
			Greeter greeter = new Greeter("n");
			MeshNode node = mesh.start("n", (builder) -> builder.maxFrameSize(64 * 1024), greeter);
			HostAndPort address = HostAndPort.parse(node.addresses().get(0), 7070);
			try (Socket socket = new Socket(address.host(), address.port())) {
				// a small receive window, never read: the node's writes stall at once
				socket.setReceiveBufferSize(4096);
				OutputStream out = socket.getOutputStream();
				out.write(frame(SetupFrameCodec.encode(ByteBufAllocator.DEFAULT, false, 30_000, 120_000,
						"message/x.rsocket.routing.v0", "application/json", DefaultPayload.create(new byte[0]))));
				for (int stream = 1; stream <= 9; stream += 2) {
					ByteBuf route = TaggingMetadataCodec
						.createRoutingMetadata(ByteBufAllocator.DEFAULT, List.of("greeter.count"))
						.getContent();
					out.write(frame(RequestStreamFrameCodec.encode(ByteBufAllocator.DEFAULT, stream, false,
							Long.MAX_VALUE, route, Unpooled.copiedBuffer("2000000000", StandardCharsets.UTF_8))));
				}
				out.flush();
				await().atMost(TIMEOUT).until(() -> node.statistics().refusals().get("slow-peer") == 1);
				long produced = greeter.produced.get();
				// the streams were cancelled with the connection: production stops
				await().pollDelay(Duration.ofMillis(500))
					.atMost(TIMEOUT)
					.until(() -> greeter.produced.get() == produced || greeter.produced.get() < produced + 1_000);
				assertThat(produced).as("elements produced before the cut").isLessThan(5_000_000);
			}
		}
	}

	private static byte[] frame(ByteBuf frame) {
		ByteBuf framed = FrameLengthCodec.encode(ByteBufAllocator.DEFAULT, frame.readableBytes(), frame);
		try {
			return ByteBufUtil.getBytes(framed);
		}
		finally {
			framed.release();
		}
	}

}
