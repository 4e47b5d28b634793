/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Services the multi-node tests call.
 *
 * @author LiteMesh team
 */
final class TestServices {

	private TestServices() {
	}

	record Greeting(String text, String node, String caller, int hops) {
	}

	record Order(String sku, int quantity) {
	}

	/**
	 * Offers every return shape, and records what it received.
	 */
	@MeshService(name = "greeter", version = "1.2", tags = "zone=a")
	static class Greeter {

		final String node;

		final List<String> received = new CopyOnWriteArrayList<>();

		final AtomicLong produced = new AtomicLong();

		Greeter(String node) {
			this.node = node;
		}

		public Greeting hello(String name, MeshContext context) {
			return new Greeting("Hello " + name, this.node, context.callerNodeId(), context.hops());
		}

		public Mono<String> helloMono(String name) {
			return Mono.just("mono " + name + " from " + this.node);
		}

		public CompletionStage<String> helloFuture(String name) {
			return CompletableFuture.supplyAsync(() -> "future " + name + " from " + this.node);
		}

		public void note(String text) {
			this.received.add(text);
		}

		public int total(List<Order> orders) {
			return orders.stream().mapToInt(Order::quantity).sum();
		}

		public List<Order> twice(Order order) {
			return List.of(order, order);
		}

		public Flux<Integer> count(int upTo) {
			return Flux.range(1, upTo).doOnNext((i) -> this.produced.incrementAndGet());
		}

		public String fail(String reason) {
			throw new IllegalStateException("failing as asked: " + reason);
		}

		public Mono<String> slow(long millis) {
			return Mono.delay(Duration.ofMillis(millis)).thenReturn("slow from " + this.node);
		}

		public String echoSize(String text) {
			return this.node + ":" + text.length();
		}

		public String whoami() {
			return this.node;
		}

	}

	/**
	 * The client interface tests call the greeter through.
	 */
	interface GreeterClient {

		Greeting hello(String name);

		Mono<String> helloMono(String name);

		CompletionStage<String> helloFuture(String name);

		Flux<Integer> count(int upTo);

		void note(String text);

		String whoami();

	}

}
