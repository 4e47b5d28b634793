/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import io.litemesh.MeshNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a transient member that joins through an H2 database in memory, shared with
 * the nodes in this JVM.
 */
class H2MemberCommandsTests extends AbstractJdbcMemberCommandsTests {

	private final String url = "jdbc:h2:mem:cli-" + MeshNode.Builder.randomSuffix() + ";DB_CLOSE_DELAY=-1";

	@Override
	String url() {
		return this.url;
	}

	@Override
	String user() {
		return "sa";
	}

	@Override
	String password() {
		return "";
	}

	@Test
	void missingTablesAreNamed() {
		Cli.Result result = Cli.run("--jdbc", this.url, "--user", "sa", "--table-prefix", "NONE_", "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error NO_TABLES: No LiteMesh tables NONE_REGISTRY and NONE_MAILBOX in jdbc:h2:mem:cli-");
	}

	@Test
	void anUnreachableDatabaseExitsWithOneLine() {
		Cli.Result result = Cli.run("--jdbc", "jdbc:postgresql://127.0.0.1:1/none", "--timeout", "2s", "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement().asString().startsWith("error DATABASE: ");
	}

}
