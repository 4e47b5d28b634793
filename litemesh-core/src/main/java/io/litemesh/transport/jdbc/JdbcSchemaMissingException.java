/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import io.litemesh.MeshException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the tables of the JDBC-table transport are missing, naming the DDL that
 * creates them and the property that would create them at startup.
 *
 * @author LiteMesh team
 */
public class JdbcSchemaMissingException extends MeshException {

	private final String tablePrefix;

	private final String scriptLocation;

	/**
	 * Create a new exception.
	 * @param tablePrefix the table prefix the store was configured with
	 * @param scriptLocation the location of the DDL for the database
	 * @param cause the error the database reported
	 */
	public JdbcSchemaMissingException(String tablePrefix, String scriptLocation, @Nullable Throwable cause) {
		super("LiteMesh's JDBC-table transport found no tables " + tablePrefix + "REGISTRY and " + tablePrefix
				+ "MAILBOX (or they lack columns). Create them with the DDL in " + scriptLocation + ", replacing "
				+ JdbcSchema.PREFIX_TOKEN + " with " + tablePrefix + ", or set " + JdbcSchema.INITIALIZE_SCHEMA_PROPERTY
				+ "=always to create them at startup. Tables made before registry entries were signed lack "
				+ tablePrefix + "REGISTRY.SIGNATURE: add it with ALTER TABLE " + tablePrefix
				+ "REGISTRY ADD SIGNATURE VARCHAR(255)", cause);
		this.tablePrefix = tablePrefix;
		this.scriptLocation = scriptLocation;
	}

	/**
	 * Return the table prefix the store was configured with.
	 * @return the table prefix
	 */
	public String getTablePrefix() {
		return this.tablePrefix;
	}

	/**
	 * Return the location of the DDL for the database.
	 * @return a {@code classpath:} location
	 */
	public String getScriptLocation() {
		return this.scriptLocation;
	}

}
