/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.RejectedSetupException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.messaging.rsocket.RSocketRequester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a secret, a stock RSocket client is admitted only with a token of
 * {@code litemesh.security.clients.<name>}, as RSocket's authentication extension carries
 * it ({@code simple} or {@code bearer}); it then calls as {@code client:<name>}. Refusals
 * are {@code REJECTED_SETUP} and never show a token.
 */
class ClientAuthenticationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String OPS_TOKEN = "ops-token-4f1c9a";

	private static final String CI_TOKEN = "ci-token-77b2e0";

	private static TestMesh mesh;

	private static MeshNode gateway;

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp();
		gateway = mesh.start("gateway",
				(builder) -> builder.secret("correct horse")
					.bindAddress("127.0.0.1")
					.clientToken("ops", OPS_TOKEN)
					.clientToken("ci", CI_TOKEN));
		mesh.start("worker", (builder) -> builder.secret("correct horse").bindAddress("127.0.0.1"),
				new Greeter("worker"));
		mesh.awaitConverged();
	}

	@AfterAll
	static void stopMesh() {
		mesh.close();
	}

	@Test
	void clientWithSimpleCredentialsCallsAsItsName() {
		RSocketRequester requester = StockClients.requester(gateway, StockClients.simple("ops", OPS_TOKEN));
		try {
			String greeting = requester.route("greeter.hello")
				.data("\"Ada\"")
				.retrieveMono(String.class)
				.block(TIMEOUT);
			// the node the service runs on, one hop further, sees who called
			assertThat(greeting).contains("\"caller\":\"client:ops\"", "\"node\":\"worker\"");
		}
		finally {
			requester.dispose();
		}
	}

	@Test
	void clientWithABearerTokenCallsAsTheClientWhoseTokenItIs() {
		RSocket rsocket = StockClients.connect(gateway, StockClients.bearer(CI_TOKEN)).block(TIMEOUT);
		try {
			StepVerifier
				.create(rsocket.requestResponse(StockClients.request("greeter.hello", "\"Bo\""))
					.map(ClientAuthenticationTests::text))
				.assertNext((greeting) -> assertThat(greeting).contains("\"caller\":\"client:ci\""))
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			rsocket.dispose();
		}
	}

	@Test
	void clientWithoutCredentialsIsRejected() {
		long refused = gateway.statistics().refusedConnections();
		assertRejected(StockClients.requester(gateway, null), "message/x.rsocket.authentication.v0");
		assertThat(gateway.statistics().refusedConnections()).isGreaterThan(refused);
	}

	@Test
	void clientWithAWrongTokenIsRejectedWithoutSeeingAToken() {
		String wrong = "wrong-token-0d9e";
		String message = assertRejected(StockClients.requester(gateway, StockClients.simple("ops", wrong)),
				"simple credentials");
		assertThat(message).doesNotContain(wrong, OPS_TOKEN);
	}

	@Test
	void clientWithAnUnknownNameIsRejectedWithoutSeeingAToken() {
		String message = assertRejected(StockClients.requester(gateway, StockClients.simple("eve", OPS_TOKEN)),
				"unknown client name or wrong token");
		assertThat(message).doesNotContain(OPS_TOKEN, "eve");
	}

	@Test
	void unknownBearerTokenIsRejectedWithoutSeeingIt() {
		String wrong = "not-a-token-5a5a";
		StepVerifier
			.create(StockClients.connect(gateway, StockClients.bearer(wrong))
				.flatMap((rsocket) -> rsocket.requestResponse(StockClients.request("greeter.whoami", "null"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RejectedSetupException.class)
				.hasMessageContaining("bearer token")
				.hasMessageNotContaining(wrong))
			.verify(TIMEOUT);
	}

	@Test
	void protectedModeStillAdmitsClientsWithoutCredentials() {
		try (TestMesh local = TestMesh.tcp()) {
			MeshNode node = local.start("solo", (builder) -> builder.clientToken("ops", OPS_TOKEN),
					new Greeter("solo"));
			RSocketRequester anonymous = StockClients.requester(node, null);
			RSocketRequester ops = StockClients.requester(node, StockClients.simple("ops", OPS_TOKEN));
			try {
				assertThat(anonymous.route("greeter.hello").data("\"Ada\"").retrieveMono(String.class).block(TIMEOUT))
					.contains("\"caller\":\"client-solo-");
				// credentials, when sent, are checked and name the caller even here
				assertThat(ops.route("greeter.hello").data("\"Ada\"").retrieveMono(String.class).block(TIMEOUT))
					.contains("\"caller\":\"client:ops\"");
				assertRejected(StockClients.requester(node, StockClients.simple("ops", "bad-token-x")),
						"simple credentials");
			}
			finally {
				anonymous.dispose();
				ops.dispose();
			}
		}
	}

	private static String assertRejected(RSocketRequester requester, String expected) {
		AtomicReference<String> message = new AtomicReference<>();
		try {
			StepVerifier.create(requester.route("greeter.whoami").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(RejectedSetupException.class).hasMessageContaining(expected);
					message.set(ex.getMessage());
				})
				.verify(TIMEOUT);
			return message.get();
		}
		finally {
			requester.dispose();
		}
	}

	private static String text(Payload payload) {
		try {
			return payload.getDataUtf8();
		}
		finally {
			payload.release();
		}
	}

}
