/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.TestDatabases;
import io.litemesh.transport.mailbox.MailboxStore;

/**
 * Tables of their own in one test database, for the durable-transport scenarios over
 * JDBC.
 *
 * @author LiteMesh team
 */
final class JdbcMedium implements DurableMedium {

	private final Supplier<DataSource> database;

	private DataSource dataSource;

	private String prefix;

	JdbcMedium(Supplier<DataSource> database) {
		this.database = database;
	}

	@Override
	public void create() {
		this.dataSource = this.database.get();
		this.prefix = TestDatabases.uniquePrefix();
		TestDatabases.createTables(this.dataSource, this.prefix);
	}

	@Override
	public void drop() {
		if (this.dataSource != null) {
			TestDatabases.dropTables(this.dataSource, this.prefix);
		}
	}

	@Override
	public MailboxStore newStore(Duration claimTimeout) {
		return new JdbcMailboxStore(this.dataSource, this.prefix, claimTimeout, 1024 * 1024);
	}

	@Override
	public String transport() {
		return "jdbc";
	}

}
