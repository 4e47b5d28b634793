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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.litemesh.DelegatingMailboxStore;
import io.litemesh.MeshNode;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.view.TransportHealth;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a mailbox transport does against a hostile or broken store: errors in its poll
 * loop, requests of senders that vanished, replays through another store, and registry
 * entries nobody signed.
 */
class MailboxTransportSafetyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);

	private static final MailboxTimings TIMINGS = new MailboxTimings(Duration.ofMillis(100), Duration.ofMillis(500),
			Duration.ofMinutes(1), Duration.ofSeconds(1));

	@TempDir
	Path directory;

	@TempDir
	Path otherDirectory;

	private final String cluster = "c-" + MeshNode.Builder.randomSuffix();

	private final List<MailboxTransport> transports = new ArrayList<>();

	private final List<LinkRegistry> registries = new ArrayList<>();

	private final MailboxTransportTests.Responder responder = new MailboxTransportTests.Responder();

	@AfterEach
	void stopTransports() {
		this.transports.forEach(MailboxTransport::stop);
	}

	private MailboxTransport start(String nodeId, MailboxStore store, @Nullable String secret, MessageDedupe dedupe) {
		MailboxSettings settings = new MailboxSettings(nodeId, this.cluster, 1, REQUEST_TIMEOUT, 64 * 1024, TIMINGS);
		LinkRegistry registry = new LinkRegistry(nodeId, new LinkRegistry.Listener() {

			@Override
			public void linkUp(Link link) {
			}

			@Override
			public void linkDown(Link link) {
			}

		});
		SharedSecret shared = (secret != null) ? new SharedSecret(secret, Clock.systemUTC()) : null;
		MailboxTransport transport = new MailboxTransport(settings, store, shared, this.responder, registry,
				Clock.systemUTC(), dedupe);
		this.transports.add(transport);
		this.registries.add(registry);
		transport.start();
		return transport;
	}

	private void plant(Path directory, MailMessage.Type type, UUID id, String to, byte[] data) {
		plant(directory, "ghost", type, id, to, data);
	}

	private void plant(Path directory, String from, MailMessage.Type type, UUID id, String to, byte[] data) {
		try (FileMailboxStore writer = new FileMailboxStore(directory)) {
			writer.deliver(List.of(new MailMessage(id, from, to, type, id, System.currentTimeMillis() + 60_000,
					new byte[] { 1 }, data, null)));
		}
	}

	@Test
	void pollLoopThatHitsAnErrorReportsItAndKeepsPolling() {
		AtomicBoolean failing = new AtomicBoolean(true);
		MailboxStore store = new FailingStore(new FileMailboxStore(this.directory), failing);
		MailboxTransport b = start("b", store, null, new MessageDedupe());
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(b.health()).satisfies((health) -> {
			assertThat(health.status()).isEqualTo("DOWN");
			assertThat(health.error()).contains("injected failure");
		}));
		failing.set(false);
		await().atMost(TIMEOUT).until(() -> b.health().isUp());
		plant(this.directory, MailMessage.Type.FIRE, UUID.randomUUID(), "b", bytes("after the error"));
		await().atMost(TIMEOUT).until(() -> this.responder.fired.contains("after the error"));
	}

	@Test
	void requestsOfASenderWithoutALinkAreCancelledAfterTheRequestTimeout() {
		start("b", new FileMailboxStore(this.directory), null, new MessageDedupe());
		// no link to "ghost" will ever close, and no CANCEL will ever come
		plant(this.directory, MailMessage.Type.REQUEST, UUID.randomUUID(), "b", bytes("never"));
		plant(this.directory, MailMessage.Type.STREAM, UUID.randomUUID(), "b", MailFrames.withDemand(1, bytes("s")));
		await().atMost(TIMEOUT).until(() -> this.responder.cancelled.get() == 2);
	}

	@Test
	void streamOfALinkedPeerWhoseRequesterIsGoneEndsButAPausedOneLivesOn() {
		MailboxTransport a = start("a", new FileMailboxStore(this.directory), null, new MessageDedupe());
		start("b", new FileMailboxStore(this.directory), null, new MessageDedupe());
		await().atMost(TIMEOUT).until(() -> a.health().peers() == 1);
		LinkRegistry links = this.registries.get(0);
		// a stream a's requester knows nothing of, as if its CANCEL had been lost
		plant(this.directory, "a", MailMessage.Type.STREAM, UUID.randomUUID(), "b",
				MailFrames.withDemand(1, bytes("s")));
		StepVerifier.create(links.get("b").rsocket().requestStream(ByteBufPayload.create("count")), 0)
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> await().atMost(TIMEOUT).until(() -> this.responder.cancelled.get() == 1))
			// the stream a subscriber still waits on outlives the silence limit
			.then(() -> await().during(REQUEST_TIMEOUT.multipliedBy(3))
				.atMost(TIMEOUT)
				.until(() -> this.responder.cancelled.get() == 1))
			.thenRequest(1)
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT.multipliedBy(2));
	}

	@Test
	void streamWhoseElementCouldNotBeStoredEndsWithAnErrorAndNoGap() {
		AtomicBoolean injected = new AtomicBoolean();
		MailboxStore failsOnce = new DelegatingMailboxStore(new FileMailboxStore(this.directory)) {

			@Override
			public void deliver(List<MailMessage> messages) {
				if (messages.stream().anyMatch(MailboxTransportSafetyTests::isThirdElement)
						&& injected.compareAndSet(false, true)) {
					throw new IllegalStateException("injected failure");
				}
				super.deliver(messages);
			}

		};
		MailboxTransport a = start("a", new FileMailboxStore(this.directory), null, new MessageDedupe());
		start("b", failsOnce, null, new MessageDedupe());
		await().atMost(TIMEOUT).until(() -> a.health().peers() == 1);
		List<String> received = new CopyOnWriteArrayList<>();
		StepVerifier
			.create(this.registries.get(0)
				.get("b")
				.rsocket()
				.requestStream(ByteBufPayload.create("count"))
				.map(MailboxTransportSafetyTests::read), 10)
			.thenConsumeWhile((element) -> true, received::add)
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("could not be stored"))
			.verify(TIMEOUT);
		assertThat(injected).isTrue();
		assertThat(received).as("the elements before the lost one, and none after it")
			.hasSizeLessThan(3)
			.isEqualTo(IntStream.rangeClosed(1, received.size()).mapToObj(String::valueOf).toList());
		await().atMost(TIMEOUT).until(() -> this.responder.cancelled.get() == 1);
	}

	private static boolean isThirdElement(MailMessage message) {
		return message.type() == MailMessage.Type.REPLY
				&& "3".equals(new String(message.data(), StandardCharsets.UTF_8));
	}

	private static String read(Payload payload) {
		try {
			return payload.getDataUtf8();
		}
		finally {
			payload.release();
		}
	}

	@Test
	void oneMessageThroughTwoStoresOfANodeIsHandledOnce() {
		MessageDedupe dedupe = new MessageDedupe();
		MailboxTransport first = start("b", new FileMailboxStore(this.directory), null, dedupe);
		MailboxTransport second = start("b", new FileMailboxStore(this.otherDirectory), null, dedupe);
		UUID id = UUID.randomUUID();
		plant(this.directory, MailMessage.Type.FIRE, id, "b", bytes("once"));
		plant(this.otherDirectory, MailMessage.Type.FIRE, id, "b", bytes("once"));
		await().atMost(TIMEOUT).until(() -> first.health().duplicates() + second.health().duplicates() == 1);
		assertThat(this.responder.fired).containsOnlyOnce("once");
	}

	@Test
	void withASecretUnsignedRegistryEntriesAreIgnoredAndCounted() {
		MailboxTransport a = start("a", new FileMailboxStore(this.directory), "a shared secret", new MessageDedupe());
		start("b", new FileMailboxStore(this.directory), "a shared secret", new MessageDedupe());
		try (FileMailboxStore writer = new FileMailboxStore(this.directory)) {
			writer.checkIn(new RegistryEntry("ghost", this.cluster, 1, System.currentTimeMillis() + 60_000));
			writer.checkIn(new RegistryEntry("forged", this.cluster, 1, System.currentTimeMillis() + 60_000,
					"bm90IGEgc2lnbmF0dXJl"));
		}
		await().atMost(TIMEOUT).until(() -> a.health().peers() == 1 && a.health().rejected() == 2);
		// read at every check-in, counted once
		TransportHealth before = a.health();
		await().pollDelay(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> true);
		assertThat(a.health().rejected()).isEqualTo(before.rejected());
	}

	@Test
	void signedPeersStillWork() {
		start("a", new FileMailboxStore(this.directory), "a shared secret", new MessageDedupe());
		MailboxTransport b = start("b", new FileMailboxStore(this.directory), "a shared secret", new MessageDedupe());
		await().atMost(TIMEOUT).until(() -> b.health().peers() == 1);
		assertThat(b.health().rejected()).isZero();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A real store whose claims throw an {@link Error} while told to, as a bug or a
	 * broken driver might.
	 */
	private static final class FailingStore extends DelegatingMailboxStore {

		private final AtomicBoolean failing;

		FailingStore(MailboxStore delegate, AtomicBoolean failing) {
			super(delegate);
			this.failing = failing;
		}

		@Override
		public List<MailMessage> claim(String nodeId, int max, long maxBytes) {
			if (this.failing.get()) {
				throw new AssertionError("injected failure");
			}
			return super.claim(nodeId, max, maxBytes);
		}

	}

}
