/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The transport scenarios over tables in MariaDB.
 */
class MariaDbTransportTests extends AbstractTransportScenarioTests {

	@Override
	protected TransportFixture fixture() {
		return new JdbcMedium(TestDatabases::mariadb);
	}

}
