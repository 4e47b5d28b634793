/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads are slices of received frames (rsocket's zero-copy decoding), passed through
 * relays without copying; every path, errors included, must free each exactly once.
 * Drives them all through a relay, then lets Netty's paranoid leak detection look for
 * buffers that were dropped without release.
 */
class ZeroCopyLeakTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void relayedTrafficAndErrorsLeakNoBuffer() {
		ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
		// every buffer tracked for this test only: paranoid tracking slows everything
		// down
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		try {
			driveTraffic();
		}
		finally {
			ResourceLeakDetector.setLevel(level);
		}
		// leaks surface only after the garbage collector found the buffers, and Netty
		// reports
		// them when later buffers are tracked: give it a bounded number of rounds
		for (int round = 0; round < 20 && RecordingLeakDetector.LEAKS.isEmpty(); round++) {
			System.gc();
			for (int i = 0; i < 5_000; i++) {
				ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(16);
				buffer.release();
			}
		}
		assertThat(RecordingLeakDetector.LEAKS).as("buffers leaked in this JVM").isEmpty();
	}

	@Test
	void theDetectorIsInstalled() {
		assertThat(io.netty.util.ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class))
			.isInstanceOf(RecordingLeakDetector.class);
	}

	private void driveTraffic() {
		MeshNode b;
		try (TestMesh mesh = TestMesh.tcp().restricted()) {
			MeshNode a = mesh.startLinked("a", null);
			// b relays with a hop limit of 1, so calls from a to c die there
			b = mesh.start("b", (builder) -> builder.seeds(a.addresses()).maxHops(1));
			mesh.allow("a", "b");
			mesh.start("c", (builder) -> builder.seeds(mesh.node("b").addresses()), new Greeter("c"));
			mesh.allow("b", "c");
			mesh.awaitConverged();
			MeshTemplate fromA = TestMesh.template(a);
			MeshTemplate fromB = TestMesh.template(b);
			Flux.range(0, 200)
				.flatMap((i) -> fromB.request(Target.unicast("c", "greeter"), "echoSize", "x".repeat(i * 50),
						String.class), 8)
				.blockLast(TIMEOUT);
			fromB.stream(Target.unicast("c", "greeter"), "count", 500, Integer.class).take(100).blockLast(TIMEOUT);
			fromB.send(Target.broadcast("greeter"), "note", "leak check").block(TIMEOUT);
			fromB.requestAll(Target.broadcast("greeter"), "whoami", null, String.class).blockLast(TIMEOUT);
			for (int i = 0; i < 50; i++) {
				// dropped at b's hop limit, and endpoint failures
				fromA.request(Target.unicast("c", "greeter"), "whoami", null, String.class)
					.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
					.block(TIMEOUT);
				fromB.request(Target.unicast("c", "greeter"), "fail", "x", String.class)
					.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
					.block(TIMEOUT);
			}
		}
		assertThat(b.health().hopLimitDrops()).as("the hop-limit path ran").isGreaterThanOrEqualTo(50);
	}

}
