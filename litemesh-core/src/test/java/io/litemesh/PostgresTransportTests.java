/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The durable-transport scenarios over tables in PostgreSQL.
 */
class PostgresTransportTests extends AbstractDurableTransportTests {

	@Override
	protected DurableMedium medium() {
		return new JdbcMedium(TestDatabases::postgres);
	}

}
