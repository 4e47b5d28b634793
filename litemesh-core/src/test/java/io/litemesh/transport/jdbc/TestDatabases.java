/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.MeshNode;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The databases the JDBC tests run against, one pool each for the whole JVM: H2 in memory
 * always; PostgreSQL and MariaDB from Testcontainers where a Docker engine runs, else the
 * servers named by {@code LITEMESH_TEST_POSTGRES_URL} and
 * {@code LITEMESH_TEST_MARIADB_URL}. A database that cannot be reached skips its tests,
 * unless {@code LITEMESH_TEST_REQUIRE_DATABASES=true}, as CI sets, which fails them.
 *
 * @author LiteMesh team
 */
public final class TestDatabases {

	private static final Map<String, DataSource> pools = new ConcurrentHashMap<>();

	private static final Map<String, String> failures = new ConcurrentHashMap<>();

	private TestDatabases() {
	}

	public static DataSource h2() {
		return pools.computeIfAbsent("h2", (key) -> pool("jdbc:h2:mem:litemesh;DB_CLOSE_DELAY=-1", "sa", ""));
	}

	public static DataSource postgres() {
		return database("postgresql", "LITEMESH_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				"");
	}

	public static DataSource mariadb() {
		return database("mariadb", "LITEMESH_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test", "root", "");
	}

	/**
	 * Return a table prefix no other test uses.
	 * @return the prefix
	 */
	public static String uniquePrefix() {
		return "LMT_" + MeshNode.Builder.randomSuffix().toUpperCase(Locale.ROOT) + "_";
	}

	/**
	 * Create the tables of a prefix.
	 * @param dataSource the database
	 * @param prefix the prefix
	 */
	public static void createTables(DataSource dataSource, String prefix) {
		JdbcSchema.create(dataSource, prefix);
	}

	/**
	 * Drop the tables of a prefix, if they exist.
	 * @param dataSource the database
	 * @param prefix the prefix
	 */
	public static void dropTables(DataSource dataSource, String prefix) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS " + prefix + "MAILBOX");
		jdbc.execute("DROP TABLE IF EXISTS " + prefix + "REGISTRY");
	}

	private static DataSource database(String name, String variable, String defaultUrl, String user, String password) {
		DataSource pool = pools.get(name);
		if (pool != null) {
			return pool;
		}
		String failure = failures.get(name);
		if (failure == null) {
			synchronized (TestDatabases.class) {
				try {
					pool = pools.computeIfAbsent(name, (key) -> connect(name, variable, defaultUrl, user, password));
					return pool;
				}
				catch (IllegalStateException ex) {
					failure = ex.getMessage();
					failures.put(name, failure);
				}
			}
		}
		if (Boolean.parseBoolean(System.getenv("LITEMESH_TEST_REQUIRE_DATABASES"))) {
			throw new IllegalStateException(failure + " (LITEMESH_TEST_REQUIRE_DATABASES=true, so this fails)");
		}
		Assumptions.abort(failure + "; skipped (set LITEMESH_TEST_REQUIRE_DATABASES=true to fail instead)");
		throw new AssertionError("unreachable");
	}

	private static DataSource connect(String name, String variable, String defaultUrl, String user, String password) {
		if (dockerAvailable()) {
			JdbcDatabaseContainer<?> container = name.equals("postgresql") ? new PostgreSQLContainer("postgres:16")
					: new MariaDBContainer("mariadb:11");
			container.start();
			return pool(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		String url = System.getenv().getOrDefault(variable, defaultUrl);
		// a quick plain connection first: a pool would retry for half a minute
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.isValid(3);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach " + name + " at " + url + " as '" + user + "' (" + variable
					+ "): " + ex.getMessage());
		}
		return pool(url, user, password);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static DataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		// room for several stores, each with claimers and a listening connection
		config.setMaximumPoolSize(40);
		config.setPoolName("litemesh-test-" + url.substring(5, url.indexOf(':', 5)));
		return new HikariDataSource(config);
	}

}
