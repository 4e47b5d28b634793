/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.nio.file.Path;
import java.util.List;

import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a transient member that joins through a shared directory.
 */
class DirectoryMemberCommandsTests extends AbstractMemberCommandsTests {

	@Override
	MailboxStore newStore() {
		return new FileMailboxStore(directory());
	}

	@Override
	List<String> reach() {
		return List.of("--directory", directory().toString());
	}

	private Path directory() {
		return this.files.resolve("mesh");
	}

	@Test
	void withoutTheSecretTheMemberSeesNoMesh() throws Exception {
		Cli.Result result = Cli.run(reach(), "--timeout", "2s", "--cluster", clusterOf(), "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error NO_MESH: Saw no node of cluster '" + clusterOf() + "' through the directory ")
			.endsWith("within 2s; nodes checked in there: [w1], but none linked to this one (check --secret-file)");
	}

	@Test
	void anotherClusterSeesNoMesh() {
		Cli.Result result = Cli.run(reach(), "--timeout", "1s", "--cluster", "elsewhere", "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.endsWith("no node of cluster 'elsewhere' is checked in there (check --cluster)");
	}

	@Test
	void aDirectoryThatDoesNotExistIsBadUsage() {
		Cli.Result result = Cli.run("--directory", directory().resolve("missing").toString(), "nodes");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.errLines().get(0)).endsWith("is not a directory");
	}

	private String clusterOf() throws Exception {
		List<String> member = member();
		return member.get(member.indexOf("--cluster") + 1);
	}

}
