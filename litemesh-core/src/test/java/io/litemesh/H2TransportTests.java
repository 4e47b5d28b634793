/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.transport.jdbc.TestDatabases;
import io.litemesh.transport.mailbox.MailboxStore;

/**
 * The durable-transport scenarios over tables in H2.
 */
class H2TransportTests extends AbstractDurableTransportTests {

	private final JdbcMedium medium = new JdbcMedium(TestDatabases::h2);

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
