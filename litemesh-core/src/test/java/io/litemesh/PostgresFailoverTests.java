/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The failover and delivery scenarios over tables in PostgreSQL.
 */
class PostgresFailoverTests extends AbstractDurableFailoverTests {

	@Override
	protected DurableMedium medium() {
		return new JdbcMedium(TestDatabases::postgres);
	}

}
