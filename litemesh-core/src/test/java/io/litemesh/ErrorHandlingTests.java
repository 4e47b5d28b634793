/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every error a caller can meet, remote and local alike, and how quickly it meets it.
 */
class ErrorHandlingTests {

	private static final Duration AT_ONCE = Duration.ofMillis(500);

	private static TestMesh mesh;

	private static MeshNode a;

	private static MeshTemplate fromA;

	private static MeshTemplate fromB;

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp();
		a = mesh.start("a", (builder) -> builder.requestTimeout(Duration.ofMillis(700)).maxFrameSize(64 * 1024));
		MeshNode b = mesh.start("b", new Greeter("b"));
		mesh.awaitConverged();
		fromA = TestMesh.template(a);
		fromB = TestMesh.template(b);
	}

	@AfterAll
	static void stopMesh() {
		mesh.close();
	}

	@Test
	void unknownServiceFailsAtOnce() {
		StepVerifier.create(fromA.request(Target.anycast("nope"), "x", null, String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NoRouteException.class)
				.hasMessageContaining("No node offers service 'nope'"))
			.verify(AT_ONCE);
	}

	@Test
	void unknownNodeFailsAtOnceNamingTheKnownNodes() {
		StepVerifier.create(fromA.request(Target.unicast("zz", "greeter"), "hello", "x", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NoRouteException.class)
				.hasMessageContaining("Node 'zz' is unknown")
				.hasMessageContaining("[a, b]"))
			.verify(AT_ONCE);
	}

	@Test
	void nodeWithoutTheServiceFailsAtOnce() {
		StepVerifier.create(fromB.request(Target.unicast("a", "greeter"), "hello", "x", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NoRouteException.class)
				.hasMessageContaining("Node 'a' does not offer service 'greeter'"))
			.verify(AT_ONCE);
	}

	@Test
	void unknownEndpointNamesTheServicesEndpoints() {
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "hullo", "x", String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NoRouteException.class)
				.hasMessageContaining("endpoint 'hullo'")
				.hasMessageContaining("hello"))
			.verify(AT_ONCE);
	}

	@Test
	void endpointExceptionReachesTheCallerWithItsType() {
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "fail", "remote", String.class))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(RemoteServiceException.class)
					.hasMessageContaining("greeter.fail on node b")
					.hasMessageContaining("failing as asked: remote");
				assertThat(((RemoteServiceException) ex).remoteType()).isEqualTo(IllegalStateException.class.getName());
			})
			.verify(Duration.ofSeconds(5));
		assertThat(fromA.request(Target.anycast("greeter"), "whoami", null, String.class).block(Duration.ofSeconds(5)))
			.as("the node that threw keeps serving")
			.isEqualTo("b");
	}

	@Test
	void localEndpointExceptionIsTheSameAsARemoteOne() {
		StepVerifier.create(fromB.request(Target.unicast("b", "greeter"), "fail", "local", String.class))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(RemoteServiceException.class)
					.hasMessageContaining("failing as asked: local");
				assertThat(((RemoteServiceException) ex).remoteType()).isEqualTo(IllegalStateException.class.getName());
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void payloadThatDoesNotMapIsAClearError() {
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "total", "not a list", Integer.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RemoteServiceException.class)
				.hasMessageContaining("greeter.total")
				.hasMessageContaining("does not map"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void replyThatDoesNotMapIsAClearError() {
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "whoami", null, Integer.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MeshException.class)
				.hasMessageContaining("Reply of greeter.whoami does not map"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void slowEndpointTimesOutWithMeshTimeoutException() {
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "slow", 5_000L, String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MeshTimeoutException.class)
				.hasMessageContaining("litemesh.request-timeout"))
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void stockClientCallThroughANodeEndsAtThatNodesTimeout() {
		// the node that admitted the client bounds the call, whether or not the client
		// does
		StepVerifier
			.create(StockClients.requester(a, null).route("greeter.slow").data(5_000L).retrieveMono(String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("greeter.slow on node b")
				.hasMessageContaining("litemesh.request-timeout"))
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void slowStreamTimesOutBeforeItsFirstElement() {
		StepVerifier.create(fromA.stream(Target.anycast("greeter"), "slow", 5_000L, String.class))
			.expectError(MeshTimeoutException.class)
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void oversizedPayloadIsRefusedBeforeItLeaves() {
		String large = "x".repeat(70 * 1024);
		StepVerifier.create(fromA.request(Target.anycast("greeter"), "echoSize", large, String.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PayloadTooLargeException.class)
				.hasMessageContaining("litemesh.max-frame-size"))
			.verify(AT_ONCE);
	}

	@Test
	void broadcastTargetIsRejectedForOneNodeOperations() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fromA.request(Target.broadcast("greeter"), "hello", "x", String.class))
			.withMessageContaining("requestAll");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fromA.stream(Target.broadcast("greeter"), "count", 1, Integer.class));
	}

}
