/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that can be switched off, standing for a database that restarts: while it
 * is down, no connection can be had.
 *
 * @author LiteMesh team
 */
final class FlakyDataSource extends DelegatingDataSource {

	private volatile boolean down;

	FlakyDataSource(DataSource dataSource) {
		super(dataSource);
	}

	void down() {
		this.down = true;
	}

	void up() {
		this.down = false;
	}

	@Override
	public Connection getConnection() throws SQLException {
		check();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		check();
		return super.getConnection(username, password);
	}

	private void check() throws SQLException {
		if (this.down) {
			throw new SQLTransientConnectionException("The database is down (test)");
		}
	}

}
