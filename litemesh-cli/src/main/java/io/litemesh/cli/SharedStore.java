/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchemaMissingException;
import io.litemesh.transport.mailbox.MailboxStore;
import org.jspecify.annotations.Nullable;

/**
 * The store a transient member joins through: the mesh's database (registry and mailbox
 * tables) or its shared directory. The node closes the mailbox store when it stops; this
 * closes what the store was built on, the database's connection pool.
 *
 * @author LiteMesh team
 */
final class SharedStore implements AutoCloseable {

	/**
	 * Connections of the pool: the mailbox transport's poller and sender, the registry,
	 * and PostgreSQL's listening connection.
	 */
	private static final int POOL_SIZE = 4;

	private final MailboxStore mailboxStore;

	private final @Nullable HikariDataSource dataSource;

	private final String description;

	private SharedStore(MailboxStore mailboxStore, @Nullable HikariDataSource dataSource, String description) {
		this.mailboxStore = mailboxStore;
		this.dataSource = dataSource;
		this.description = description;
	}

	/**
	 * Open the mesh's database. Its tables must exist: the mesh's nodes create them, the
	 * CLI only visits.
	 * @param url the JDBC URL
	 * @param user the user, {@code null} for the driver's default
	 * @param password the password, {@code null} for none
	 * @param tablePrefix the prefix of the mesh's tables
	 * @param cluster the cluster, whose messages alone are taken
	 * @param timeout how long to wait for a connection
	 * @return the store
	 */
	static SharedStore jdbc(String url, @Nullable String user, @Nullable String password, String tablePrefix,
			String cluster, Duration timeout) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setPoolName("litemesh-cli");
		config.setMaximumPoolSize(POOL_SIZE);
		config.setMinimumIdle(1);
		config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
		// one attempt, bounded by the connection timeout: a wrong password or a database
		// that is down fails the command at once rather than after retries
		config.setInitializationFailTimeout(1);
		HikariDataSource dataSource = new HikariDataSource(config);
		try {
			JdbcMailboxStore store = JdbcMailboxStore.builder(dataSource)
				.tablePrefix(tablePrefix)
				.cluster(cluster)
				.build();
			return new SharedStore(store, dataSource, "the database " + redact(url));
		}
		catch (JdbcSchemaMissingException ex) {
			dataSource.close();
			throw new CommandFailure("NO_TABLES",
					"No LiteMesh tables " + tablePrefix + "REGISTRY and " + tablePrefix + "MAILBOX in " + redact(url)
							+ "; check that it is the mesh's database and that --table-prefix is "
							+ "its litemesh.jdbc.table-prefix",
					ex);
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	/**
	 * Open the mesh's shared directory.
	 * @param directory the directory, which must exist: a mistyped path would otherwise
	 * be created and never see a node
	 * @return the store
	 */
	static SharedStore directory(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw CommandFailure.usage("--directory " + directory + " is not a directory");
		}
		return new SharedStore(new FileMailboxStore(directory), null, "the directory " + directory);
	}

	MailboxStore mailboxStore() {
		return this.mailboxStore;
	}

	/**
	 * Describe the store for messages, without credentials.
	 * @return such as {@code the database jdbc:postgresql://db:5432/shop}
	 */
	String description() {
		return this.description;
	}

	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	/**
	 * Leave out of a JDBC URL what may hold a password: its parameters and any
	 * {@code user:password@}.
	 * @param url the URL
	 * @return the URL up to its parameters
	 */
	static String redact(String url) {
		String redacted = url;
		int parameters = indexOfAny(redacted, '?', ';');
		if (parameters >= 0) {
			redacted = redacted.substring(0, parameters);
		}
		int slashes = redacted.indexOf("//");
		int at = redacted.indexOf('@', Math.max(slashes, 0));
		if (slashes >= 0 && at > slashes) {
			redacted = redacted.substring(0, slashes + 2) + redacted.substring(at + 1);
		}
		return redacted;
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		return (a < 0) ? b : ((b < 0) ? a : Math.min(a, b));
	}

}
