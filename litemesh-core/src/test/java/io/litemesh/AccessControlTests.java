/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.litemesh.codec.RemoteError;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.messaging.rsocket.RSocketRequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Per-service access rules ({@code litemesh.security.access.<service>}), checked on the
 * serving node against the caller the mesh authenticated, however many hops away. The
 * mesh is a tree where only these links exist:
 *
 * <pre>
 * catalog-1 - billing - server
 *               |
 *            gateway (stock clients ops and ci)
 * </pre>
 *
 * so calls from {@code catalog-1} and from clients of {@code gateway} reach
 * {@code server} through the relay {@code billing}.
 */
class AccessControlTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String OPS_TOKEN = "ops-token-4f1c9a";

	private static final String CI_TOKEN = "ci-token-77b2e0";

	private static final Map<String, String> RULES = Map.of("nodes", "catalog-*", "relay", "billing", "ops",
			"client:ops", "clients", "client:*", "everyone", "*");

	private static TestMesh mesh;

	private static MeshNode server;

	private static MeshNode catalog;

	private static MeshNode billing;

	private static MeshNode gateway;

	private static final Map<String, Vault> vaults = Map.of("nodes", new Vault(), "relay", new Vault(), "ops",
			new Vault(), "clients", new Vault(), "everyone", new Vault(), "open", new Vault());

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp().restricted();
		mesh.allow("billing", "server");
		mesh.allow("billing", "catalog-1");
		mesh.allow("billing", "gateway");
		billing = mesh.start("billing", secure());
		server = mesh.start("server", secure().andThen((builder) -> RULES.forEach(builder::accessRule)));
		vaults.forEach((service, vault) -> server.registerService(service, "", Map.of(), vault));
		catalog = mesh.start("catalog-1", secure());
		gateway = mesh.start("gateway",
				secure().andThen((builder) -> builder.clientToken("ops", OPS_TOKEN).clientToken("ci", CI_TOKEN)));
		mesh.awaitConverged();
		await().atMost(TestMesh.CONVERGE)
			.until(() -> List.of(catalog, billing, gateway)
				.stream()
				.allMatch((node) -> node.snapshot().services().keySet().containsAll(vaults.keySet())));
	}

	private static Consumer<MeshNode.Builder> secure() {
		return (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1");
	}

	@AfterAll
	static void stopMesh() {
		mesh.close();
	}

	@Test
	void nodeThatMatchesAPatternIsAllowedThroughARelay() {
		// catalog-1 is two hops away: the relay billing matches no rule, the caller does
		assertThat(call(catalog, "nodes")).isEqualTo("catalog-1");
		assertThat(call(catalog, "everyone")).isEqualTo("catalog-1");
		assertThat(call(catalog, "open")).isEqualTo("catalog-1");
	}

	@Test
	void relayedCallIsCheckedAgainstTheOriginalCallerNotTheRelay() {
		assertThat(call(billing, "relay")).isEqualTo("billing");
		assertDenied(() -> call(catalog, "relay"), "relay", "catalog-1");
	}

	@Test
	void deniedNodeGetsMeshAccessDeniedAndTheBeanNeverRuns() {
		long denied = server.statistics().deniedCalls();
		int ran = vaults.get("ops").invocations.get();
		assertDenied(() -> call(billing, "nodes"), "nodes", "billing");
		assertDenied(() -> call(catalog, "ops"), "ops", "catalog-1");
		assertDenied(() -> call(catalog, "clients"), "clients", "catalog-1");
		assertThat(vaults.get("ops").invocations).hasValue(ran);
		assertThat(server.statistics().deniedCalls()).isEqualTo(denied + 3);
		assertThat(server.health().deniedCalls()).isEqualTo(denied + 3);
	}

	@Test
	void streamsFireAndForgetAndBroadcastsAreCheckedToo() {
		int opsRan = vaults.get("ops").invocations.get();
		int relayRan = vaults.get("relay").invocations.get();
		StepVerifier.create(TestMesh.template(catalog).stream(Target.anycast("nodes"), "count", 3, Integer.class))
			.expectNext(1, 2, 3)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(TestMesh.template(catalog).stream(Target.anycast("ops"), "count", 3, Integer.class))
			.expectError(MeshAccessDeniedException.class)
			.verify(TIMEOUT);
		long denied = server.statistics().deniedCalls();
		TestMesh.template(billing).send(Target.unicast("server", "ops"), "touch", "x").block(TIMEOUT);
		TestMesh.template(billing).send(Target.broadcast("ops"), "touch", "y").block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> server.statistics().deniedCalls() == denied + 2);
		StepVerifier
			.create(TestMesh.template(catalog).requestAll(Target.broadcast("relay"), "caller", null, String.class))
			.assertNext((reply) -> assertThat(reply.error()).isInstanceOf(MeshAccessDeniedException.class)
				.hasMessageContaining("relay"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(vaults.get("ops").invocations).hasValue(opsRan);
		assertThat(vaults.get("relay").invocations).hasValue(relayRan);
	}

	@Test
	void theNodeMayAlwaysCallItsOwnServices() {
		assertThat(call(server, "ops")).isEqualTo("server");
	}

	@Test
	void namedClientIsAllowedAndAnotherClientDeniedWithTheDeniedCode() {
		RSocketRequester ops = StockClients.requester(gateway, StockClients.simple("ops", OPS_TOKEN));
		RSocketRequester ci = StockClients.requester(gateway, StockClients.bearer(CI_TOKEN));
		try {
			assertThat(clientCall(ops, "ops")).isEqualTo("\"client:ops\"");
			StepVerifier.create(ci.route("ops.caller").retrieveMono(String.class)).expectErrorSatisfies((ex) -> {
				RemoteError error = RemoteError.parse(ex.getMessage());
				assertThat(error).isNotNull();
				assertThat(error.code()).isEqualTo(RemoteError.CODE_DENIED);
				assertThat(error.type()).isEqualTo(MeshAccessDeniedException.class.getName());
				assertThat(error.message()).contains("'client:ci'", "'ops'").doesNotContain(CI_TOKEN);
			}).verify(TIMEOUT);
			// client:* admits every client, * everyone, a node pattern no client
			assertThat(clientCall(ops, "clients")).isEqualTo("\"client:ops\"");
			assertThat(clientCall(ci, "clients")).isEqualTo("\"client:ci\"");
			assertThat(clientCall(ci, "everyone")).isEqualTo("\"client:ci\"");
			StepVerifier.create(ops.route("nodes.caller").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining(RemoteError.CODE_DENIED))
				.verify(TIMEOUT);
		}
		finally {
			ops.dispose();
			ci.dispose();
		}
		assertDenied(() -> call(billing, "clients"), "clients", "billing");
	}

	private static String call(MeshNode from, String service) {
		return TestMesh.template(from).request(Target.anycast(service), "caller", null, String.class).block(TIMEOUT);
	}

	private static String clientCall(RSocketRequester requester, String service) {
		return requester.route(service + ".caller").retrieveMono(String.class).block(TIMEOUT);
	}

	private static void assertDenied(Runnable call, String service, String caller) {
		assertThatExceptionOfType(MeshAccessDeniedException.class).isThrownBy(call::run)
			.withMessageContaining("'" + service + "'")
			.withMessageContaining("'" + caller + "'")
			.withMessageContaining("litemesh.security.access." + service);
	}

	/**
	 * A service that counts how often it ran.
	 */
	static final class Vault {

		final AtomicInteger invocations = new AtomicInteger();

		public String caller(MeshContext context) {
			this.invocations.incrementAndGet();
			return context.callerNodeId();
		}

		public Flux<Integer> count(int upTo) {
			this.invocations.incrementAndGet();
			return Flux.range(1, upTo);
		}

		public void touch(String note) {
			this.invocations.incrementAndGet();
		}

	}

}
