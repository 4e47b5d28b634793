/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.MeshService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service the CLI's tests call: every interaction, and what it received.
 *
 * @author LiteMesh team
 */
@MeshService(name = "greeter", version = "1.2", tags = "zone=a")
class Greeter {

	final String node;

	final List<String> notes = new CopyOnWriteArrayList<>();

	final AtomicLong produced = new AtomicLong();

	Greeter(String node) {
		this.node = node;
	}

	public Greeting hello(String name) {
		return new Greeting("Hello " + name, this.node);
	}

	public String whoami() {
		return this.node;
	}

	public BigDecimal price() {
		return new BigDecimal("449.00");
	}

	public void note(String text) {
		this.notes.add(text);
	}

	public Flux<Integer> count(int upTo) {
		return Flux.range(1, upTo).doOnNext((i) -> this.produced.incrementAndGet());
	}

	public Flux<Long> ticks() {
		return Flux.interval(Duration.ofMillis(20))
			.onBackpressureDrop()
			.doOnNext((i) -> this.produced.incrementAndGet());
	}

	public Flux<Integer> paced(int count) {
		return Flux.interval(Duration.ofMillis(20)).take(count).map(Long::intValue);
	}

	public String fail(String reason) {
		throw new IllegalStateException("failing as asked: " + reason);
	}

	public Mono<String> slow(long millis) {
		return Mono.delay(Duration.ofMillis(millis)).thenReturn("slow from " + this.node);
	}

	record Greeting(String text, String node) {

	}

}
