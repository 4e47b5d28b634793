/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import io.litemesh.TestServices.Greeter;
import io.litemesh.observation.MeshClientContext;
import io.litemesh.observation.MeshObservations;
import io.litemesh.observation.MeshServerContext;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.file.FileMailboxStore;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace context in the envelope's {@code trace} field, over TCP through a relay and
 * over a shared directory alone: what a tracer's propagating handler writes at the caller
 * is what the serving node's handler reads, with the call's keys on both sides.
 */
class TracePropagationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final TestMesh mesh = TestMesh.tcp();

	private final Queue<Observation.Context> served = new ConcurrentLinkedQueue<>();

	@AfterEach
	void stopMesh() {
		this.mesh.close();
	}

	@Test
	void traceCrossesARelay() {
		this.mesh.restricted();
		MeshNode a = this.mesh.start("a", observed());
		this.mesh.allow("a", "b");
		MeshNode b = this.mesh.start("b", (builder) -> builder.seeds(a.addresses()));
		this.mesh.allow("b", "c");
		this.mesh.start("c", observed().andThen((builder) -> builder.seeds(b.addresses())), new Greeter("c"));
		this.mesh.awaitConverged();
		assertThat(TestMesh.template(a)
			.request(Target.unicast("c", "greeter"), "hello", "Ada", TestServices.Greeting.class)
			.block(TIMEOUT)).isNotNull();
		await().atMost(TIMEOUT).until(() -> !this.served.isEmpty());
		MeshServerContext server = (MeshServerContext) this.served.peek();
		assertThat(server.getGetter().get(server.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(server.service()).isEqualTo("greeter");
		assertThat(server.peer()).isEqualTo("a");
		assertThat(server.hops()).isEqualTo(2);
		this.served.clear();
		// a broadcast carries it down its tree as well
		TestMesh.template(a).send(Target.broadcast("greeter"), "note", "hi").block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !this.served.isEmpty());
		MeshServerContext broadcast = (MeshServerContext) this.served.peek();
		assertThat(broadcast.getGetter().get(broadcast.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(broadcast.endpoint()).isEqualTo("note");
	}

	@Test
	void traceCrossesASharedDirectory(@TempDir Path directory) {
		MeshNode a = this.mesh.start("a",
				observed().andThen(TestMesh.storeOnly(new FileMailboxStore(directory.resolve("mesh")))));
		this.mesh.start("b", observed().andThen(TestMesh.storeOnly(new FileMailboxStore(directory.resolve("mesh")))),
				new Greeter("b"));
		this.mesh.awaitConverged();
		TestMesh.template(a).send(Target.anycast("greeter"), "hello", "Ada").block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !this.served.isEmpty());
		MeshServerContext server = (MeshServerContext) this.served.peek();
		assertThat(server.getGetter().get(server.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(server.interaction()).isEqualTo("send");
	}

	/**
	 * A node whose registry does what a tracer's propagating handlers do: write the trace
	 * into every call it makes, and record every call it serves.
	 */
	private Consumer<MeshNode.Builder> observed() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<MeshClientContext>() {

			@Override
			public void onStart(MeshClientContext context) {
				context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MeshClientContext;
			}

		}).observationHandler(new ObservationHandler<MeshServerContext>() {

			@Override
			public void onStop(MeshServerContext context) {
				TracePropagationTests.this.served.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MeshServerContext;
			}

		});
		return (builder) -> builder.observations(new MeshObservations(registry, null, null));
	}

}
