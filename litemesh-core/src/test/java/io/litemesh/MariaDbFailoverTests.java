/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;

import io.litemesh.transport.jdbc.TestDatabases;
import io.litemesh.transport.mailbox.MailboxStore;

/**
 * The failover and delivery scenarios over tables in MariaDB.
 */
class MariaDbFailoverTests extends AbstractDurableFailoverTests {

	private final JdbcMedium medium = new JdbcMedium(TestDatabases::mariadb);

	@Override
	protected void createMedium() {
		this.medium.create();
	}

	@Override
	protected void dropMedium() {
		this.medium.drop();
	}

	@Override
	protected MailboxStore newStore(Duration claimTimeout) {
		return this.medium.newStore(claimTimeout);
	}

	@Override
	protected String transport() {
		return "jdbc";
	}

}
