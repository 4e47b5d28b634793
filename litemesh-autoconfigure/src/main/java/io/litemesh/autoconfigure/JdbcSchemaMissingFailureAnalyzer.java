/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.transport.jdbc.JdbcSchema;
import io.litemesh.transport.jdbc.JdbcSchemaMissingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * {@link AbstractFailureAnalyzer} for missing tables of the JDBC-table transport: says
 * which tables, where their DDL is, and the properties that create them or turn the
 * transport off.
 *
 * @author LiteMesh team
 */
class JdbcSchemaMissingFailureAnalyzer extends AbstractFailureAnalyzer<JdbcSchemaMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JdbcSchemaMissingException cause) {
		String prefix = cause.getTablePrefix();
		return new FailureAnalysis(
				String.format("LiteMesh's JDBC-table transport needs the tables %sREGISTRY and %sMAILBOX, which the "
						+ "application's database lacks (or which lack columns).", prefix, prefix),
				String.format(
						"Create the tables with the DDL in %s, replacing %s with %s; or set '%s=always' to "
								+ "create them at startup; or set 'litemesh.jdbc.enabled=false' to run without the "
								+ "JDBC-table transport.",
						cause.getScriptLocation(), JdbcSchema.PREFIX_TOKEN, prefix,
						JdbcSchema.INITIALIZE_SCHEMA_PROPERTY),
				cause);
	}

}
