/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The failover and delivery scenarios over tables in MariaDB.
 */
class MariaDbFailoverTests extends AbstractDurableFailoverTests {

	@Override
	protected DurableMedium medium() {
		return new JdbcMedium(TestDatabases::mariadb);
	}

}
