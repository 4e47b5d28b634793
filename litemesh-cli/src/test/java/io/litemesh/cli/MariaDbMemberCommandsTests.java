/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

/**
 * The CLI as a transient member that joins through MariaDB, the server that
 * {@code LITEMESH_TEST_MARIADB_URL} names (default
 * {@code jdbc:mariadb://127.0.0.1:3306/test}, user {@code root}).
 */
class MariaDbMemberCommandsTests extends AbstractJdbcMemberCommandsTests {

	@Override
	String url() {
		return System.getenv().getOrDefault("LITEMESH_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
	}

	@Override
	String user() {
		return "root";
	}

	@Override
	String password() {
		return "";
	}

}
