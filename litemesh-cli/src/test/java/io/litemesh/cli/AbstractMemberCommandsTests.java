/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.mailbox.MailboxStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CLI as a transient member that joins through a store, on a mesh with a secret:
 * {@code w1} shares the store and TCP and offers {@code greeter}; {@code w2} has TCP only
 * and offers {@code inventory}, so the CLI reaches it through {@code w1}. Each store's
 * test is a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMemberCommandsTests {

	static final String SECRET = "correct horse battery";

	/** Files of the test: the secret, a password, a shared directory. */
	Path files;

	private TestMesh nodes;

	private MeshNode w1;

	private final Greeter greeter = new Greeter("w1");

	/**
	 * Create a store on the medium that the nodes and the CLI share.
	 * @return a new store for one node
	 */
	abstract MailboxStore newStore();

	/**
	 * Return the arguments that make the CLI join through the same medium.
	 * @return such as {@code --directory PATH}
	 */
	abstract List<String> reach();

	@BeforeAll
	void startMesh() throws Exception {
		// made here rather than injected: @BeforeAll needs it, before any test
		this.files = Files.createTempDirectory("litemesh-cli-");
		this.nodes = TestMesh.tcp();
		this.w1 = this.nodes.start("w1",
				(builder) -> builder.secret(SECRET).bindAddress("127.0.0.1").mailboxStore(newStore()), this.greeter);
		this.nodes.start("w2", (builder) -> builder.secret(SECRET).bindAddress("127.0.0.1"), new Inventory());
		this.nodes.awaitConverged();
	}

	@AfterAll
	void stopMesh() throws IOException {
		if (this.nodes != null) {
			this.nodes.close();
			this.nodes = null;
		}
		if (this.files != null) {
			FileSystemUtils.deleteRecursively(this.files);
		}
	}

	/**
	 * Return the arguments of a member of the mesh: the medium, the cluster and its
	 * secret.
	 * @return the arguments
	 */
	List<String> member() throws Exception {
		List<String> args = new ArrayList<>(reach());
		Path secret = Files.writeString(this.files.resolve("secret"), SECRET + "\n");
		args.addAll(List.of("--cluster", this.nodes.cluster(), "--secret-file", secret.toString()));
		return args;
	}

	@Test
	void nodesShowsTheMeshAndTheMemberItself() throws Exception {
		Cli.Result result = Cli.run(member(), "nodes");
		assertThat(result.status()).as(result.toString()).isZero();
		// members of earlier commands show as leaving until their advertisements age out
		List<String> lines = result.lines()
			.stream()
			.filter((line) -> !line.matches("cli-[a-z0-9]{6}\\s+LEAVING\\s+unreachable\\s+-"))
			.toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).matches("NODE\\s+STATUS\\s+HOPS\\s+SERVICES");
		assertThat(lines.get(1)).matches("cli-[a-z0-9]{6}\\s+UP\\s+0\\s+-");
		assertThat(lines.get(2)).matches("w1\\s+UP\\s+1\\s+greeter");
		assertThat(lines.get(3)).matches("w2\\s+UP\\s+2\\s+inventory");
		String member = lines.get(1).split("\\s+")[0];
		// the member left when the command ended
		await().atMost(TestMesh.CONVERGE).until(() -> !TestMesh.upNodes(this.w1).contains(member));
	}

	@Test
	void servicesWithJsonIsTheMeshDocument() throws Exception {
		Cli.Result result = Cli.run(member(), "services", "--json");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.json().path("services").toString())
			.isEqualTo("[{\"name\":\"greeter\",\"nodes\":[\"w1\"]},{\"name\":\"inventory\",\"nodes\":[\"w2\"]}]");
	}

	@Test
	void callReachesNodesOnTheStoreAndBeyondIt() throws Exception {
		Cli.Result hello = Cli.run(member(), "--json", "call", "greeter.hello", "\"member\"");
		assertThat(hello.status()).as(hello.toString()).isZero();
		assertThat(hello.lines()).containsExactly("{\"text\":\"Hello member\",\"node\":\"w1\"}");
		Cli.Result stock = Cli.run(member(), "call", "inventory.stock", "\"sku-1\"");
		assertThat(stock.status()).as(stock.toString()).isZero();
		assertThat(stock.lines()).containsExactly("7");
	}

	@Test
	void nodeFetchesTheStateOfANodeBeyondTheStore() throws Exception {
		Cli.Result result = Cli.run(member(), "--json", "node", "w2");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.json().path("node").path("id").asString()).isEqualTo("w2");
		assertThat(result.json().path("health").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void sendAndStream() throws Exception {
		Cli.Result send = Cli.run(member(), "send", "greeter.note", "\"through the store\"");
		assertThat(send.status()).as(send.toString()).isZero();
		await().atMost(TestMesh.CONVERGE).until(() -> this.greeter.notes.contains("through the store"));
		Cli.Result stream = Cli.run(member(), "stream", "greeter.count", "3");
		assertThat(stream.status()).as(stream.toString()).isZero();
		assertThat(stream.lines()).containsExactly("1", "2", "3");
	}

	@Test
	void unknownServiceOrNodeExitsWithNoRoute() throws Exception {
		Cli.Result call = Cli.run(member(), "call", "nobody.hello");
		assertThat(call.status()).isOne();
		assertThat(call.errLines()).singleElement().asString().startsWith("error NO_ROUTE: ").contains("nobody");
		Cli.Result node = Cli.run(member(), "node", "zz");
		assertThat(node.status()).isOne();
		assertThat(node.errLines()).singleElement()
			.asString()
			.matches("error NO_ROUTE: Node 'zz' is unknown to node cli-.*");
	}

}
