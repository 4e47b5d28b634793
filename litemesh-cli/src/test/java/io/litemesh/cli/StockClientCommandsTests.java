/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;

import io.litemesh.MeshNode;
import io.litemesh.test.TestMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command against a three-node mesh on loopback, the CLI connected to node a as a
 * stock RSocket client: b offers {@code greeter}, c offers {@code inventory}.
 */
class StockClientCommandsTests {

	private static TestMesh nodes;

	private static Greeter greeter;

	private static List<String> a;

	@BeforeAll
	static void startMesh() {
		nodes = TestMesh.tcp();
		MeshNode first = nodes.start("a");
		greeter = new Greeter("b");
		nodes.start("b", greeter);
		nodes.start("c", new Inventory());
		nodes.awaitConverged();
		a = CliArgs.connect(first);
	}

	@AfterAll
	static void stopMesh() {
		nodes.close();
	}

	@Test
	void nodesPrintsEveryNodeWithStatusHopsAndServices() {
		Cli.Result result = Cli.run(a, "nodes");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.lines()).hasSize(4);
		assertThat(result.lines().get(0)).matches("NODE\\s+STATUS\\s+HOPS\\s+SERVICES");
		assertThat(result.lines().get(1)).matches("a\\s+UP\\s+0\\s+-");
		assertThat(result.lines().get(2)).matches("b\\s+UP\\s+1\\s+greeter");
		assertThat(result.lines().get(3)).matches("c\\s+UP\\s+1\\s+inventory");
		// aligned: every column starts where its heading does
		int status = result.lines().get(0).indexOf("STATUS");
		assertThat(result.lines()).allSatisfy((line) -> assertThat(line.charAt(status - 1)).isEqualTo(' '));
		assertThat(result.lines().subList(1, 4))
			.allSatisfy((line) -> assertThat(line.substring(status)).startsWith("UP"));
	}

	@Test
	void nodesWithJsonPrintsTheMeshDocument() {
		Cli.Result result = Cli.run(a, "nodes", "--json");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).hasSize(1);
		JsonNode json = result.json();
		assertThat(json.propertyNames()).containsExactly("node", "nodes", "links", "services");
		assertThat(json.path("node").path("id").asString()).isEqualTo("a");
		assertThat(json.path("nodes").valueStream().map((node) -> node.path("id").asString())).containsExactly("a", "b",
				"c");
	}

	@Test
	void servicesPrintsEachServiceAndItsNodes() {
		Cli.Result result = Cli.run(a, "services");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).hasSize(3);
		assertThat(result.lines().get(0)).matches("SERVICE\\s+NODES");
		assertThat(result.lines().get(1)).matches("greeter\\s+b");
		assertThat(result.lines().get(2)).matches("inventory\\s+c");
	}

	@Test
	void nodeFetchesAnotherNodesStateThroughTheMesh() {
		Cli.Result indented = Cli.run(a, "node", "c");
		assertThat(indented.status()).as(indented.toString()).isZero();
		assertThat(indented.lines()).hasSizeGreaterThan(3);
		assertThat(indented.json().path("node").path("id").asString()).isEqualTo("c");
		assertThat(indented.json().path("node").path("services").path(0).path("name").asString())
			.isEqualTo("inventory");
		Cli.Result json = Cli.run(a, "--json", "node", "c");
		assertThat(json.status()).as(json.toString()).isZero();
		assertThat(json.json().propertyNames()).containsExactly("node", "health");
		assertThat(json.json().path("node").path("id").asString()).isEqualTo("c");
		assertThat(json.json().path("health").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void callSendsTheJsonPayloadAndPrintsTheReply() {
		Cli.Result pretty = Cli.run(a, "call", "greeter.hello", "\"Ada\"");
		assertThat(pretty.status()).as(pretty.toString()).isZero();
		assertThat(pretty.out()).contains("\"text\" : \"Hello Ada\"");
		assertThat(pretty.json().path("node").asString()).isEqualTo("b");
		Cli.Result json = Cli.run(a, "call", "greeter.hello", "\"Ada\"", "--json");
		assertThat(json.lines()).containsExactly("{\"text\":\"Hello Ada\",\"node\":\"b\"}");
		// the node's number as it wrote it
		assertThat(Cli.run(a, "--json", "call", "greeter.price").lines()).containsExactly("449.00");
		assertThat(Cli.run(a, "call", "greeter.whoami").lines()).containsExactly("\"b\"");
	}

	@Test
	void callOfAnEndpointThatReturnsNothingPrintsNothing() {
		Cli.Result result = Cli.run(a, "call", "greeter.note", "\"called\"");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.out()).isEmpty();
	}

	@Test
	void sendDeliversTheMessage() {
		Cli.Result result = Cli.run(a, "send", "greeter.note", "\"sent by the cli\"");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEmpty();
		await().atMost(TestMesh.CONVERGE).until(() -> greeter.notes.contains("sent by the cli"));
	}

	@Test
	void streamPrintsEachElementOnALineOfItsOwn() {
		Cli.Result result = Cli.run(a, "stream", "greeter.count", "5");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly("1", "2", "3", "4", "5");
		Cli.Result many = Cli.run(a, "stream", "greeter.count", "1000");
		assertThat(many.lines())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).mapToObj(String::valueOf).toList());
	}

	@Test
	void unknownNodeExitsWithOneLineNamingTheCode() {
		Cli.Result result = Cli.run(a, "node", "zz");
		assertThat(result.status()).isOne();
		assertThat(result.out()).isEmpty();
		assertThat(result.errLines()).containsExactly("error NO_ROUTE: Node 'zz' is unknown to node a");
	}

	@Test
	void unknownServiceExitsWithOneLineNamingTheCode() {
		Cli.Result call = Cli.run(a, "call", "nobody.hello", "\"Ada\"");
		assertThat(call.status()).isOne();
		assertThat(call.errLines()).singleElement().asString().startsWith("error NO_ROUTE: ").contains("nobody");
		Cli.Result send = Cli.run(a, "send", "nobody.hello");
		assertThat(send.status()).isOne();
		assertThat(send.errLines()).singleElement().asString().startsWith("error NO_ROUTE: ").contains("nobody");
		Cli.Result stream = Cli.run(a, "stream", "nobody.count", "3");
		assertThat(stream.status()).isOne();
		assertThat(stream.errLines()).singleElement().asString().startsWith("error NO_ROUTE: ");
	}

	@Test
	void failingEndpointExitsWithTheRemoteError() {
		Cli.Result result = Cli.run(a, "call", "greeter.fail", "\"on purpose\"");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error REMOTE: ")
			.contains("failing as asked: on purpose");
		Cli.Result badPayload = Cli.run(a, "call", "greeter.slow", "\"not a number\"");
		assertThat(badPayload.status()).isOne();
		assertThat(badPayload.errLines()).singleElement().asString().startsWith("error BAD_PAYLOAD: ");
	}

	@Test
	void timeoutBoundsTheCommand() {
		Cli.Result result = Cli.run(a, "--timeout", "300ms", "call", "greeter.slow", "3000");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error TIMEOUT: No answer from node 127.0.0.1:")
			.endsWith("within 300ms (--timeout)");
	}

	@Test
	void streamTimeoutBoundsTheFirstElementOnly() {
		Cli.Result slow = Cli.run(a, "--timeout", "300ms", "stream", "greeter.slow", "3000");
		assertThat(slow.status()).isOne();
		assertThat(slow.errLines()).singleElement().asString().startsWith("error TIMEOUT: ");
		// 50 elements 20 ms apart outlast the timeout, but each comes in time
		Cli.Result paced = Cli.run(a, "--timeout", "500ms", "stream", "greeter.paced", "50");
		assertThat(paced.status()).as(paced.toString()).isZero();
		assertThat(paced.lines()).hasSize(50);
	}

	@Test
	void refusedConnectionExitsWithOneLine() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Cli.Result result = Cli.run("--connect", "127.0.0.1:" + port, "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines())
			.containsExactly("error UNREACHABLE: Could not connect to node 127.0.0.1:" + port + ": connection refused");
	}

}
