/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import javax.sql.DataSource;

/**
 * The JDBC mailbox store on MariaDB, which claims with {@code FOR UPDATE SKIP LOCKED} and
 * polls adaptively.
 *
 * @author LiteMesh team
 */
class MariaDbMailboxStoreTests extends AbstractJdbcMailboxStoreTests {

	@Override
	DataSource database() {
		return TestDatabases.mariadb();
	}

	@Override
	Object malformedId() {
		// ids are text here, so the id itself can be garbage
		return "not-a-uuid";
	}

}
