/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.PeerDirectory;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link contract of in-memory links, between two transports whose diallers never tick
 * (a virtual-time scheduler nobody advances), so each test links them itself.
 */
class MemoryLinkTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MemoryNetwork network = new MemoryNetwork("link-tests");

	private final VirtualTimeScheduler idle = VirtualTimeScheduler.create();

	private final Node a = new Node("a");

	private final Node b = new Node("b");

	@AfterEach
	void close() {
		this.a.transport.stop();
		this.b.transport.stop();
		this.network.close();
		this.idle.dispose();
	}

	@Test
	void linkingRegistersBothEndsAndDeliversOnTheNetworksThreads() {
		String reached = this.network.connect(this.a.transport, this.network.address("b")).block(TIMEOUT);
		assertThat(reached).isEqualTo("b");
		assertThat(this.a.links.get("b")).satisfies((link) -> {
			assertThat(link.transport()).isEqualTo("memory");
			assertThat(link.dialedByLocal()).isTrue();
		});
		assertThat(this.b.links.get("a").dialedByLocal()).isFalse();
		assertThat(this.network.links()).containsExactly(new MemoryNetwork.Edge("a", "b"));
		Payload reply = this.a.links.get("b").rsocket().requestResponse(DefaultPayload.create("hi")).block(TIMEOUT);
		assertThat(reply.getDataUtf8()).isEqualTo("b got hi");
		assertThat(this.b.threads).singleElement().asString().startsWith("litemesh-memory-link-tests");
	}

	@Test
	void fireAndForgetKeepsItsOrderOnALink() {
		link();
		RSocket toB = this.a.links.get("b").rsocket();
		List<String> sent = IntStream.range(0, 2_000).mapToObj(Integer::toString).toList();
		sent.forEach((text) -> toB.fireAndForget(DefaultPayload.create(text)).block(TIMEOUT));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.b.received).containsExactlyElementsOf(sent));
	}

	@Test
	void messagesBouncingBetweenNodesNeverGrowTheStack() {
		link();
		// each node answers every message with the next one: delivered on the sender's
		// stack, 20,000 rounds would overflow it
		BiConsumer<Node, String> bounce = (node, text) -> {
			int left = Integer.parseInt(text);
			if (left > 0) {
				node.links.links()
					.get(0)
					.rsocket()
					.fireAndForget(DefaultPayload.create(Integer.toString(left - 1)))
					.block();
			}
		};
		this.a.onMessage = bounce;
		this.b.onMessage = bounce;
		this.a.links.get("b").rsocket().fireAndForget(DefaultPayload.create("20000")).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.a.received.size() + this.b.received.size() == 20_001);
		assertThat(this.b.received).contains("0");
	}

	@Test
	void disposingEitherEndClosesBothAndRequestsFailAsOnAClosedSocket() {
		link();
		Link toB = this.a.links.get("b");
		Mono<Payload> pending = toB.rsocket().requestResponse(DefaultPayload.create("never"));
		StepVerifier.create(pending)
			.then(() -> await().atMost(TIMEOUT).until(() -> this.b.received.contains("never")))
			.then(() -> this.b.links.get("a").dispose())
			.expectError(ClosedChannelException.class)
			.verify(TIMEOUT);
		assertThat(toB.isDisposed()).isTrue();
		await().atMost(TIMEOUT).until(() -> this.a.down.size() == 1 && this.b.down.size() == 1);
		assertThat(this.network.links()).isEmpty();
		StepVerifier.create(toB.rsocket().requestResponse(DefaultPayload.create("late")))
			.expectError(ClosedChannelException.class)
			.verify(TIMEOUT);
		StepVerifier.create(toB.rsocket().requestStream(DefaultPayload.create("late")))
			.expectError(ClosedChannelException.class)
			.verify(TIMEOUT);
	}

	@Test
	void aStreamKeepsBackPressureOverTheLink() {
		link();
		StepVerifier.create(this.a.links.get("b").rsocket().requestStream(DefaultPayload.create("count")), 0)
			.thenRequest(2)
			.expectNextMatches((payload) -> payload.getDataUtf8().equals("1"))
			.expectNextMatches((payload) -> payload.getDataUtf8().equals("2"))
			.then(() -> assertThat(this.b.produced).hasValueLessThanOrEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void aCutLinkClosesAndIsRefusedUntilHealed() {
		link();
		this.network.cut("b", "a");
		await().atMost(TIMEOUT).until(() -> this.a.links.links().isEmpty() && this.b.links.links().isEmpty());
		StepVerifier.create(this.network.connect(this.a.transport, this.network.address("b")))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ConnectException.class).hasMessageContaining("cut"))
			.verify(TIMEOUT);
		this.network.heal("a", "b");
		link();
		assertThat(this.network.neighbours("a")).containsExactly("b");
	}

	@Test
	void anIsolatedNodeLinksToNobodyUntilItRejoins() {
		link();
		this.network.isolate("a");
		assertThat(this.network.neighbours("b")).isEmpty();
		StepVerifier.create(this.network.connect(this.b.transport, this.network.address("a")))
			.expectError(ConnectException.class)
			.verify(TIMEOUT);
		this.network.rejoin("a");
		link();
	}

	@Test
	void aNodeOfAnotherNetworkOrNoneIsNotReached() {
		StepVerifier.create(this.network.connect(this.a.transport, "memory://elsewhere/b"))
			.expectError(ConnectException.class)
			.verify(TIMEOUT);
		StepVerifier.create(this.network.connect(this.a.transport, this.network.address("nobody")))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("No node nobody"))
			.verify(TIMEOUT);
	}

	private void link() {
		this.network.connect(this.a.transport, this.network.address("b")).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.a.links.get("b") != null && this.b.links.get("a") != null);
	}

	/** A node reduced to its links and a responder that records what it gets. */
	private final class Node implements InboundHandler, LinkRegistry.Listener, PeerDirectory {

		final String id;

		final LinkRegistry links;

		final MemoryTransport transport;

		final List<String> received = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Link> down = new CopyOnWriteArrayList<>();

		final java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();

		volatile BiConsumer<Node, String> onMessage = (node, text) -> {
		};

		Node(String id) {
			this.id = id;
			this.links = new LinkRegistry(id, this);
			this.transport = new MemoryTransport(MemoryLinkTests.this.network,
					MemoryTransport.policy(id, 8, Duration.ofSeconds(1)), 1, List.of(), this, this.links, this,
					(peer) -> true, Clock.systemUTC(), MemoryLinkTests.this.idle);
			this.transport.start();
		}

		@Override
		public RSocket peerResponder(Supplier<String> peerId) {
			return new RSocket() {

				@Override
				public Mono<Void> fireAndForget(Payload payload) {
					String text = take(payload);
					Node.this.onMessage.accept(Node.this, text);
					return Mono.empty();
				}

				@Override
				public Mono<Payload> requestResponse(Payload payload) {
					String text = take(payload);
					return text.equals("never") ? Mono.never()
							: Mono.just(DefaultPayload.create(Node.this.id + " got " + text));
				}

				@Override
				public Flux<Payload> requestStream(Payload payload) {
					take(payload);
					return Flux.range(1, 1_000)
						.doOnNext((i) -> Node.this.produced.incrementAndGet())
						.map((i) -> DefaultPayload.create(Integer.toString(i)));
				}

			};
		}

		private String take(Payload payload) {
			String text = payload.getDataUtf8();
			payload.release();
			this.threads.add(Thread.currentThread().getName());
			this.received.add(text);
			return text;
		}

		@Override
		public RSocket clientResponder(String clientName, String metadataMimeType) {
			throw new UnsupportedOperationException("no stock clients over memory links");
		}

		@Override
		public void linkUp(Link link) {
		}

		@Override
		public void linkDown(Link link) {
			this.down.add(link);
		}

		@Override
		public Collection<Peer> peers() {
			return List.of();
		}

		@Override
		public boolean isReachable(String nodeId) {
			return true;
		}

		@Override
		public int degree(String nodeId) {
			return 0;
		}

	}

}
