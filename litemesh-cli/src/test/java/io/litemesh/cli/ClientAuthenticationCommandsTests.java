/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with a secret admits the CLI only with a client token, given as simple
 * credentials (name and token) or as a bearer token, on the command line or in a file;
 * the token never shows in what the CLI prints.
 */
class ClientAuthenticationCommandsTests {

	private static final String TOKEN = "ops-token-0f9a7c";

	private static final String CI_TOKEN = "ci-token-77b2e1";

	private static TestMesh nodes;

	private static List<String> gateway;

	@BeforeAll
	static void startMesh() {
		nodes = TestMesh.tcp();
		MeshNode node = nodes.start("gateway",
				(builder) -> builder.secret("correct horse battery")
					.bindAddress("127.0.0.1")
					.clientToken("ops", TOKEN)
					.clientToken("ci", CI_TOKEN)
					.accessRule("greeter", "client:ops"),
				new Greeter("gateway"));
		gateway = CliArgs.connect(node);
	}

	@AfterAll
	static void stopMesh() {
		nodes.close();
	}

	@Test
	void withoutCredentialsTheNodeRefusesTheClient() {
		Cli.Result result = Cli.run(gateway, "call", "greeter.whoami");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error REJECTED_SETUP: Node gateway requires credentials");
	}

	@Test
	void simpleCredentialsAreAdmitted() {
		Cli.Result result = Cli.run(gateway, "--client", "ops", "--token", TOKEN, "call", "greeter.whoami");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly("\"gateway\"");
	}

	@Test
	void aBearerTokenIsAdmitted() {
		Cli.Result result = Cli.run(gateway, "--token", TOKEN, "nodes");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).hasSize(2);
	}

	@Test
	void theTokenMayComeFromAFile(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("token"), TOKEN + "\n");
		Cli.Result result = Cli.run(gateway, "--client", "ops", "--token-file", file.toString(), "node", "gateway");
		assertThat(result.status()).as(result.toString()).isZero();
	}

	@Test
	void aWrongTokenIsRefusedAndNeverPrinted() {
		Cli.Result simple = Cli.run(gateway, "--client", "ops", "--token", "wrong-token-123", "nodes");
		assertThat(simple.status()).isOne();
		assertThat(simple.errLines()).singleElement().asString().startsWith("error REJECTED_SETUP: ");
		Cli.Result bearer = Cli.run(gateway, "--token", "wrong-token-123", "nodes");
		assertThat(bearer.status()).isOne();
		assertThat(bearer.errLines()).singleElement().asString().startsWith("error REJECTED_SETUP: ");
		assertThat(simple.err() + simple.out() + bearer.err() + bearer.out()).doesNotContain("wrong-token-123")
			.doesNotContain(TOKEN);
	}

	@Test
	void aClientTheAccessRulesRefuseGetsDenied() {
		Cli.Result result = Cli.run(gateway, "--client", "ci", "--token", CI_TOKEN, "call", "greeter.whoami");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error DENIED: ")
			.contains("client:ci")
			.doesNotContain(CI_TOKEN);
	}

	@Test
	void aClientNameNeedsItsToken() {
		Cli.Result result = Cli.run(gateway, "--client", "ops", "nodes");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.errLines().get(0))
			.isEqualTo("error USAGE: --client ops needs its token: --token or --token-file");
	}

}
