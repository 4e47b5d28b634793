/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import javax.sql.DataSource;

/**
 * The JDBC mailbox store on H2, which claims with a plain {@code FOR UPDATE}.
 *
 * @author LiteMesh team
 */
class H2MailboxStoreTests extends AbstractJdbcMailboxStoreTests {

	@Override
	DataSource database() {
		return TestDatabases.h2();
	}

}
