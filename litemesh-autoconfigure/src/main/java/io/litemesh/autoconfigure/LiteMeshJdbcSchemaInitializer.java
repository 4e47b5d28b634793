/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.litemesh.transport.jdbc.JdbcSchema;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Creates the tables of the JDBC-table transport per
 * {@code litemesh.jdbc.initialize-schema}, running the platform's
 * {@code schema-<platform>.sql} with the table prefix in place of its
 * {@value JdbcSchema#PREFIX_TOKEN} token. Beans that depend on database initialization,
 * the mailbox store among them, are created after it.
 *
 * @author LiteMesh team
 */
public class LiteMeshJdbcSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private final String tablePrefix;

	/**
	 * Create a new initializer.
	 * @param dataSource the database
	 * @param settings the settings, with the schema location and the mode
	 * @param tablePrefix the table prefix
	 */
	public LiteMeshJdbcSchemaInitializer(DataSource dataSource, DatabaseInitializationSettings settings,
			String tablePrefix) {
		super(dataSource, settings);
		this.tablePrefix = JdbcSchema.requireValidPrefix(tablePrefix);
	}

	/**
	 * Return the settings for a database: its platform's script, run per the mode.
	 * @param dataSource the database
	 * @param properties the JDBC-table transport properties
	 * @return the settings
	 */
	static DatabaseInitializationSettings settings(DataSource dataSource, LiteMeshProperties.Jdbc properties) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(properties.getInitializeSchema());
		if (properties.getInitializeSchema() != DatabaseInitializationMode.NEVER) {
			// telling the platform takes a connection, which 'never' should not need
			settings.setSchemaLocations(List.of(JdbcSchema.scriptLocation(JdbcSchema.platform(dataSource))));
		}
		return settings;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		List<Resource> prefixed = new ArrayList<>();
		for (Resource script : scripts) {
			try {
				String text = StreamUtils.copyToString(script.getInputStream(), encoding);
				prefixed.add(new ByteArrayResource(JdbcSchema.withPrefix(text, this.tablePrefix).getBytes(encoding),
						script.getDescription()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + script.getDescription(), ex);
			}
		}
		super.runScripts(new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding));
	}

}
