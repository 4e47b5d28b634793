/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;

/**
 * The failover and delivery scenarios over tables in H2.
 */
class H2FailoverTests extends AbstractDurableFailoverTests {

	@Override
	protected DurableMedium medium() {
		return new JdbcMedium(TestDatabases::h2);
	}

}
