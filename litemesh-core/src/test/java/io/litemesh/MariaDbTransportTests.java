/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;
import io.litemesh.transport.mailbox.MailboxStore;

/**
 * The durable-transport scenarios over tables in MariaDB.
 */
class MariaDbTransportTests extends AbstractDurableTransportTests {

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
	protected MailboxStore newStore() {
		return this.medium.newStore(MailboxStore.CLAIM_TIMEOUT);
	}

	@Override
	protected String transport() {
		return "jdbc";
	}

}
