/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.litemesh.MeshNode;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.view.TransportHealth;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionCloseException;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RSocket semantics of a mailbox link, between two transports over one directory,
 * without the rest of a node: what the responder on the far side sees and answers.
 */
class MailboxTransportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final MailboxTimings TIMINGS = new MailboxTimings(Duration.ofMillis(100), Duration.ofMillis(500),
			Duration.ofMinutes(1), Duration.ofSeconds(1));

	@TempDir
	Path directory;

	private final String cluster = "c-" + MeshNode.Builder.randomSuffix();

	private final List<MailboxTransport> transports = new ArrayList<>();

	private final Responder responder = new Responder();

	@AfterEach
	void stopTransports() {
		this.transports.forEach(MailboxTransport::stop);
	}

	private LinkRegistry start(String nodeId, @Nullable String secret) {
		MailboxSettings settings = new MailboxSettings(nodeId, this.cluster, 1, Duration.ofMillis(800), 64 * 1024,
				TIMINGS);
		LinkRegistry registry = new LinkRegistry(nodeId, new LinkRegistry.Listener() {

			@Override
			public void linkUp(Link link) {
			}

			@Override
			public void linkDown(Link link) {
			}

		});
		SharedSecret shared = (secret != null) ? new SharedSecret(secret, Clock.systemUTC()) : null;
		MailboxTransport transport = new MailboxTransport(settings, new FileMailboxStore(this.directory), shared,
				this.responder, registry, Clock.systemUTC());
		this.transports.add(transport);
		transport.start();
		return registry;
	}

	private RSocket linkFromAToB() {
		LinkRegistry a = start("a", null);
		start("b", null);
		await().atMost(TIMEOUT).until(() -> a.get("b") != null);
		Link link = a.get("b");
		assertThat(link.transport()).isEqualTo("file");
		assertThat(link.cost()).isGreaterThan(10);
		return link.rsocket();
	}

	private static Payload payload(String data, String metadata) {
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data.getBytes(StandardCharsets.UTF_8)),
				Unpooled.wrappedBuffer(metadata.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(Payload payload) {
		try {
			return payload.getDataUtf8()
					+ (payload.hasMetadata() ? "|" + ByteBufUtil.getBytes(payload.sliceMetadata()).length : "");
		}
		finally {
			payload.release();
		}
	}

	@Test
	void requestResponseCarriesDataAndMetadataBothWays() {
		RSocket toB = linkFromAToB();
		StepVerifier.create(toB.requestResponse(payload("echo", "meta")).map(MailboxTransportTests::text))
			.expectNext("echo from b|4")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.responder.peers).containsExactly("a");
		assertThat(this.responder.metadata).containsExactly("meta");
	}

	@Test
	void emptyReplyCompletesEmpty() {
		StepVerifier.create(linkFromAToB().requestResponse(payload("empty", "m"))).expectComplete().verify(TIMEOUT);
	}

	@Test
	void errorArrivesWithTheMessageOfTheErrorFrame() {
		StepVerifier.create(linkFromAToB().requestResponse(payload("fail", "m")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ApplicationErrorException.class)
				.hasMessage("{\"code\":\"REMOTE\",\"type\":\"x\",\"message\":\"failed as asked\"}"))
			.verify(TIMEOUT);
	}

	@Test
	void unansweredRequestTimesOutWithATimeoutError() {
		StepVerifier.create(linkFromAToB().requestResponse(payload("never", "m")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessageContaining("TIMEOUT"))
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.responder.cancelled.get() == 1);
	}

	@Test
	void fireAndForgetCompletesOnceStoredAndArrives() {
		StepVerifier.create(linkFromAToB().fireAndForget(payload("note", "m"))).expectComplete().verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.responder.fired.contains("note"));
	}

	@Test
	void streamResponderSeesExactlyTheDemandOfTheRequester() {
		StepVerifier.create(linkFromAToB().requestStream(payload("count", "m")).map(MailboxTransportTests::text), 0)
			.thenRequest(2)
			.expectNext("1", "2")
			.thenRequest(3)
			.expectNext("3", "4", "5")
			.thenCancel()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.responder.cancelled.get() == 1);
		assertThat(this.responder.demands).containsExactly(2L, 3L);
	}

	@Test
	void streamCompletesAfterItsLastElement() {
		StepVerifier.create(linkFromAToB().requestStream(payload("three", "m")).map(MailboxTransportTests::text))
			.expectNext("1", "2", "3")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void linkClosesWhenThePeerChecksOutAndFailsWhatWaits() {
		RSocket toB = linkFromAToB();
		StepVerifier.create(toB.requestResponse(payload("never", "m")))
			.then(() -> this.transports.get(1).stop())
			.expectError(ConnectionCloseException.class)
			.verify(TIMEOUT);
		assertThat(toB.isDisposed()).isTrue();
		StepVerifier.create(toB.requestResponse(payload("echo", "m")))
			.expectError(ConnectionCloseException.class)
			.verify(TIMEOUT);
	}

	@Test
	void payloadOverTheFrameSizeIsRefused() {
		StepVerifier.create(linkFromAToB().fireAndForget(payload("x".repeat(64 * 1024 + 1), "m")))
			.expectError(PayloadTooLargeException.class)
			.verify(TIMEOUT);
	}

	@Test
	void withASecretUnsignedMessagesAreDroppedAndCounted() {
		LinkRegistry a = start("a", null);
		start("b", "a shared secret");
		await().atMost(TIMEOUT).until(() -> a.get("b") != null);
		a.get("b").rsocket().fireAndForget(payload("unsigned", "m")).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.transports.get(1).health().signatureFailures() > 0);
		assertThat(this.responder.fired).doesNotContain("unsigned");
	}

	@Test
	void healthCountsAndDescribes() {
		linkFromAToB();
		TransportHealth health = this.transports.get(0).health();
		assertThat(health).extracting("transport", "status", "peers").containsExactly("file", "UP", 1);
		assertThat(health.rejected() + health.expired() + health.duplicates() + health.signatureFailures()).isZero();
	}

	/**
	 * Answers as the far node's dispatch would, and records what it saw.
	 */
	static final class Responder implements InboundHandler {

		final List<String> peers = new CopyOnWriteArrayList<>();

		final List<String> metadata = new CopyOnWriteArrayList<>();

		final List<String> fired = new CopyOnWriteArrayList<>();

		final List<Long> demands = new CopyOnWriteArrayList<>();

		final AtomicInteger cancelled = new AtomicInteger();

		@Override
		public RSocket peerResponder(Supplier<@Nullable String> peerId) {
			return new RSocket() {

				@Override
				public Mono<Void> fireAndForget(Payload payload) {
					Responder.this.fired.add(read(payload));
					return Mono.empty();
				}

				@Override
				public Mono<Payload> requestResponse(Payload payload) {
					Responder.this.peers.add(String.valueOf(peerId.get()));
					Responder.this.metadata.add(payload.getMetadataUtf8());
					String data = read(payload);
					return switch (data) {
						case "empty" -> Mono.empty();
						case "fail" -> Mono.error(new ApplicationErrorException(
								"{\"code\":\"REMOTE\",\"type\":\"x\",\"message\":\"failed as asked\"}"));
						case "never" -> Mono.<Payload>never().doOnCancel(Responder.this.cancelled::incrementAndGet);
						default -> Mono.just(ByteBufPayload.create(
								Unpooled.wrappedBuffer((data + " from b").getBytes(StandardCharsets.UTF_8)),
								Unpooled.wrappedBuffer("meta".getBytes(StandardCharsets.UTF_8))));
					};
				}

				@Override
				public Flux<Payload> requestStream(Payload payload) {
					int count = read(payload).equals("three") ? 3 : Integer.MAX_VALUE;
					return Flux.range(1, count)
						.map((i) -> ByteBufPayload.create(String.valueOf(i)))
						.doOnRequest(Responder.this.demands::add)
						.doOnCancel(Responder.this.cancelled::incrementAndGet);
				}

			};
		}

		@Override
		public RSocket clientResponder(String clientName, @Nullable String metadataMimeType) {
			throw new UnsupportedOperationException();
		}

		private static String read(Payload payload) {
			try {
				return payload.getDataUtf8();
			}
			finally {
				payload.release();
			}
		}

	}

}
