/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The transport scenarios over tables in H2.
 */
class H2TransportTests extends AbstractTransportScenarioTests {

	@Override
	protected TransportFixture fixture() {
		return new JdbcMedium(TestDatabases::h2);
	}

}
