/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

/**
 * The CLI as a transient member that joins through PostgreSQL, the server that
 * {@code LITEMESH_TEST_POSTGRES_URL} names (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 */
class PostgresMemberCommandsTests extends AbstractJdbcMemberCommandsTests {

	@Override
	String url() {
		return System.getenv().getOrDefault("LITEMESH_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	@Override
	String user() {
		return "postgres";
	}

	@Override
	String password() {
		return "";
	}

}
