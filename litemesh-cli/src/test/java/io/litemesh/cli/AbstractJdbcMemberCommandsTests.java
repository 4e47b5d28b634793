/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.MeshNode;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchema;
import io.litemesh.transport.mailbox.MailboxStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CLI as a transient member that joins through the mesh's database, on tables of a
 * prefix of the test's own. A database that cannot be reached skips its tests, unless
 * {@code LITEMESH_TEST_REQUIRE_DATABASES=true}, which fails them.
 */
abstract class AbstractJdbcMemberCommandsTests extends AbstractMemberCommandsTests {

	private final String prefix = "CLI_" + MeshNode.Builder.randomSuffix().toUpperCase(Locale.ROOT) + "_";

	private @Nullable HikariDataSource dataSource;

	abstract String url();

	abstract String user();

	abstract String password();

	@Override
	MailboxStore newStore() {
		HikariDataSource dataSource = dataSource();
		return JdbcMailboxStore.builder(dataSource).tablePrefix(this.prefix).build();
	}

	@Override
	List<String> reach() {
		List<String> args = new ArrayList<>(List.of("--jdbc", url(), "--user", user(), "--table-prefix", this.prefix));
		if (!password().isEmpty()) {
			try {
				args.addAll(List.of("--password-file",
						Files.writeString(this.files.resolve("password"), password()).toString()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return args;
	}

	private HikariDataSource dataSource() {
		if (this.dataSource == null) {
			requireReachable();
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(url());
			config.setUsername(user());
			config.setPassword(password());
			config.setMaximumPoolSize(10);
			this.dataSource = new HikariDataSource(config);
			JdbcSchema.create(this.dataSource, this.prefix);
		}
		return this.dataSource;
	}

	private void requireReachable() {
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
			connection.isValid(3);
		}
		catch (SQLException ex) {
			String failure = "Cannot reach " + url() + " as '" + user() + "': " + ex.getMessage();
			if (Boolean.parseBoolean(System.getenv("LITEMESH_TEST_REQUIRE_DATABASES"))) {
				throw new IllegalStateException(failure);
			}
			Assumptions.abort(failure + "; skipped (LITEMESH_TEST_REQUIRE_DATABASES=true fails instead)");
		}
	}

	@AfterAll
	void dropTables() throws IOException {
		if (this.dataSource != null) {
			stopMesh();
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + "MAILBOX");
			jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + "REGISTRY");
			this.dataSource.close();
		}
	}

}
