/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * The tables of the JDBC-table transport: where their DDL is, how to create them, and the
 * check that they exist. The DDL ships per database as
 * {@code io/litemesh/transport/jdbc/schema/v1/schema-<platform>.sql} with a
 * {@value #PREFIX_TOKEN} token where the table prefix goes, so a DBA can run it by hand.
 *
 * @author LiteMesh team
 */
public final class JdbcSchema {

	/** The token in the DDL that the table prefix replaces. */
	public static final String PREFIX_TOKEN = DatabaseType.PREFIX_TOKEN;

	/** The default table prefix. */
	public static final String DEFAULT_TABLE_PREFIX = "LITEMESH_";

	/** The property that says whether the tables are created at startup. */
	public static final String INITIALIZE_SCHEMA_PROPERTY = "litemesh.jdbc.initialize-schema";

	private static final String SCRIPTS = "io/litemesh/transport/jdbc/schema/v1/";

	// the prefix goes into SQL as text, so it must be a plain identifier and leave room
	// for the longest index name within PostgreSQL's 63 characters
	private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

	private JdbcSchema() {
	}

	/**
	 * Return the platform name of a database, as in {@code schema-<platform>.sql}.
	 * @param dataSource the database
	 * @return {@code h2}, {@code postgresql} or {@code mariadb}
	 * @throws IllegalStateException for a database the transport does not support
	 */
	public static String platform(DataSource dataSource) {
		return databaseType(dataSource).platform();
	}

	/**
	 * Return the class path location of the DDL for a platform.
	 * @param platform {@code h2}, {@code postgresql} or {@code mariadb}
	 * @return a {@code classpath:} location
	 */
	public static String scriptLocation(String platform) {
		return "classpath:" + SCRIPTS + "schema-" + platform + ".sql";
	}

	/**
	 * Return the DDL for a platform with a table prefix in place.
	 * @param platform {@code h2}, {@code postgresql} or {@code mariadb}
	 * @param tablePrefix the table prefix
	 * @return the DDL
	 */
	public static String script(String platform, String tablePrefix) {
		ClassPathResource resource = new ClassPathResource(SCRIPTS + "schema-" + platform + ".sql");
		try {
			return withPrefix(StreamUtils.copyToString(resource.getInputStream(), StandardCharsets.UTF_8), tablePrefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No LiteMesh DDL for platform '" + platform + "'", ex);
		}
	}

	/**
	 * Replace the prefix token in a script.
	 * @param script the script
	 * @param tablePrefix the table prefix
	 * @return the script with the prefix in place
	 */
	public static String withPrefix(String script, String tablePrefix) {
		return script.replace(PREFIX_TOKEN, requireValidPrefix(tablePrefix));
	}

	/**
	 * Create the tables unless they exist, as {@code initialize-schema=always} does.
	 * @param dataSource the database
	 * @param tablePrefix the table prefix
	 */
	public static void create(DataSource dataSource, String tablePrefix) {
		String script = script(platform(dataSource), tablePrefix);
		new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
			.execute(dataSource);
	}

	/**
	 * Check a table prefix.
	 * @param tablePrefix the prefix
	 * @return the prefix
	 * @throws IllegalArgumentException when it is not a plain SQL identifier of at most
	 * 40 characters
	 */
	public static String requireValidPrefix(String tablePrefix) {
		if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
			throw new IllegalArgumentException("'tablePrefix' must be a letter followed by at most 39 letters, "
					+ "digits or underscores, not '" + tablePrefix + "'");
		}
		return tablePrefix;
	}

	static DatabaseType databaseType(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return DatabaseType.fromProductName(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database LiteMesh's JDBC-table transport runs on", ex);
		}
	}

	/**
	 * Learn on one connection what a store needs to know before it starts: which database
	 * this is, whether the pool's connections are in auto-commit mode and whether they
	 * are pgjdbc's, and check that both tables exist with every column the store reads.
	 * @param jdbc the database
	 * @param tablePrefix the table prefix
	 * @return what the connection told
	 * @throws JdbcSchemaMissingException when a table or column is missing
	 */
	static Inspection inspect(JdbcTemplate jdbc, String tablePrefix) {
		Inspection inspection = jdbc.execute((ConnectionCallback<Inspection>) (connection) -> {
			DatabaseType type = DatabaseType.fromProductName(connection.getMetaData().getDatabaseProductName());
			MailboxSql sql = new MailboxSql(type, tablePrefix);
			for (String probe : List.of(sql.probeRegistry, sql.probeMailbox)) {
				probe(jdbc, connection, probe, type, tablePrefix);
			}
			return new Inspection(type, connection.getAutoCommit(),
					type.hasNotifications() && Notifications.isPgjdbc(connection));
		});
		Assert.state(inspection != null, "No inspection of the database");
		return inspection;
	}

	private static void probe(JdbcTemplate jdbc, Connection connection, String probe, DatabaseType type,
			String tablePrefix) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(probe).close();
		}
		catch (SQLException ex) {
			// translated here, where the database type that names the DDL is known
			DataAccessException translated = jdbc.getExceptionTranslator().translate("Check the tables", probe, ex);
			if (translated instanceof BadSqlGrammarException) {
				throw new JdbcSchemaMissingException(tablePrefix, scriptLocation(type.platform()), translated);
			}
			throw ex;
		}
	}

	/**
	 * What a store learned about its database as it started.
	 *
	 * @param type the database type
	 * @param autoCommit whether the pool's connections are in auto-commit mode
	 * @param pgjdbc whether they are pgjdbc's, which can listen for notifications
	 */
	record Inspection(DatabaseType type, boolean autoCommit, boolean pgjdbc) {
	}

}
