/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.litemesh.MutationFuzzer;
import io.litemesh.codec.Envelope;
import io.litemesh.security.SecurityEvents;
import io.litemesh.security.SharedSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.core.DefaultConnectionSetupPayload;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.SetupFrameCodec;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the hello both ends of a new connection read: in the SETUP frame and in the
 * accepting node's answer, with and without a secret. See {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class HelloFuzzTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final HostAndPort ADDRESS = new HostAndPort("127.0.0.1", 7070);

	@Test
	void helloIsAcceptedOrRefusedAndCounted() {
		Handshake plain = handshake("a", "demo", null);
		Handshake secret = handshake("a", "demo", new SharedSecret("s3cret-of-the-mesh", CLOCK));
		Handshake peer = handshake("b", "demo", new SharedSecret("s3cret-of-the-mesh", CLOCK));
		List<byte[]> seeds = List.of(peer.encode(peer.dialHello()),
				plain.encode(new Hello(Hello.PROTOCOL, "n\u00e9ud-\u4e2d", "demo", 1795327655201L, "bm9uY2U=", null)),
				plain.encode(new Hello(2, "c", "other", -1, "AAAA", "AAAA")),
				// regressions: an answer without incarnation escaped as a Jackson error,
				// uncounted;
				// an answer of protocol 0 was taken; no cluster was a
				// NullPointerException
				MutationFuzzer.utf8("{\"protocol\":1,\"nodeId\":\"b\",\"cluster\":\"demo\"}"),
				MutationFuzzer.utf8("{\"protocol\":0,\"nodeId\":\"b\",\"cluster\":\"demo\",\"incarnation\":1,"
						+ "\"timestamp\":0,\"proof\":null}"),
				MutationFuzzer.utf8("{\"protocol\":1,\"nodeId\":\"b\",\"incarnation\":1,\"timestamp\":0}"),
				// a SETUP hello of the JSON literal null was a NullPointerException
				MutationFuzzer.utf8("null"), MutationFuzzer.utf8("{\"protocol\":1,\"nodeId\":\"" + "x".repeat(513)
						+ "\",\"cluster\":\"demo\",\"incarnation\":1,\"timestamp\":0}"));
		long cases = MutationFuzzer.fuzz("Handshake hello", seeds, (input) -> {
			boolean accepted = false;
			for (Handshake handshake : List.of(plain, secret)) {
				accepted |= checkSetup(handshake, input);
				accepted |= checkAnswer(handshake, input);
			}
			return accepted;
		});
		assertThat(cases).isPositive();
	}

	private static boolean checkSetup(Handshake handshake, byte[] input) {
		ByteBuf frame = SetupFrameCodec.encode(ByteBufAllocator.DEFAULT, false, 500, 2000,
				"application/x.litemesh.envelope.v1", "application/json", DefaultPayload.create(input));
		DefaultConnectionSetupPayload setup = new DefaultConnectionSetupPayload(frame);
		long refused = handshake.refusedConnections();
		try {
			assertValid(handshake.checkSetup(setup));
			return true;
		}
		catch (RejectedSetupException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			assertThat(handshake.refusedConnections()).isEqualTo(refused + 1);
			return false;
		}
		finally {
			assertThat(setup.refCnt()).isOne();
			setup.release();
		}
	}

	private static boolean checkAnswer(Handshake handshake, byte[] input) {
		Payload reply = ByteBufPayload.create(Unpooled.copiedBuffer(input));
		long refused = handshake.refusedConnections();
		try {
			assertValid(handshake.checkAnswer(reply, handshake.dialHello(), ADDRESS));
			return true;
		}
		catch (IllegalStateException ex) {
			assertThat(ex.getMessage()).contains(ADDRESS.toString()).hasSizeLessThan(1024);
			assertThat(handshake.refusedConnections()).isEqualTo(refused + 1);
			return false;
		}
		finally {
			assertThat(reply.refCnt()).isZero();
		}
	}

	private static void assertValid(Hello hello) {
		assertThat(hello.protocol()).isEqualTo(Hello.PROTOCOL);
		assertThat(hello.cluster()).isEqualTo("demo");
		assertThat(hello.nodeId()).isNotBlank();
		// the id goes into every envelope to and from that node
		assertThat(hello.nodeId().getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(Envelope.MAX_FIELD_LENGTH);
	}

	private static Handshake handshake(String nodeId, String cluster, @Nullable SharedSecret secret) {
		return new Handshake(nodeId, cluster, 1, secret, new SecurityEvents(nodeId, CLOCK));
	}

}
