/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.nio.file.Path;

import io.litemesh.MeshSettings;
import io.litemesh.transport.jdbc.JdbcSchema;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options of a transient member: the store it joins through (the mesh's database or
 * shared directory), the cluster and its secret. They may come before or after the
 * command.
 *
 * @author LiteMesh team
 */
final class MemberOptions {

	@Option(names = "--jdbc", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT, order = 20,
			description = "Join the mesh for the command through its database (PostgreSQL, MariaDB or H2), "
					+ "instead of --connect.")
	@Nullable String jdbc;

	@Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT, order = 21,
			description = "Database user.")
	@Nullable String user;

	@Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 22,
			description = "Read the database password from FILE.")
	@Nullable Path passwordFile;

	@Option(names = "--table-prefix", paramLabel = "PREFIX", scope = ScopeType.INHERIT, order = 23,
			description = "Prefix of the mesh's tables, as litemesh.jdbc.table-prefix (default: LITEMESH_).")
	@Nullable String tablePrefix;

	@Option(names = "--directory", paramLabel = "PATH", scope = ScopeType.INHERIT, order = 24,
			description = "Join the mesh for the command through its shared directory "
					+ "(litemesh.file.directory), instead of --connect.")
	@Nullable Path directory;

	@Option(names = "--cluster", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 25,
			description = "Cluster to join, as litemesh.cluster (default: litemesh).")
	@Nullable String cluster;

	@Option(names = "--secret-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 26,
			description = "Read the cluster's secret (litemesh.security.secret) from FILE.")
	@Nullable Path secretFile;

	/**
	 * Return the options given that only a transient member takes.
	 * @return such as {@code --cluster}, empty when none
	 */
	String given() {
		StringBuilder given = new StringBuilder();
		ClientOptions.append(given, "--user", this.user);
		ClientOptions.append(given, "--password-file", this.passwordFile);
		ClientOptions.append(given, "--table-prefix", this.tablePrefix);
		ClientOptions.append(given, "--cluster", this.cluster);
		ClientOptions.append(given, "--secret-file", this.secretFile);
		return given.toString();
	}

	/**
	 * Join the mesh through the store the options name.
	 * @param deadline the end of the command's time
	 * @return the session
	 * @throws CommandFailure ({@code USAGE}) for options that do not go together or files
	 * that cannot be read
	 */
	MemberSession join(Deadline deadline) {
		String cluster = (this.cluster != null) ? this.cluster : MeshSettings.DEFAULT_CLUSTER;
		String secret = (this.secretFile != null) ? Secrets.read(this.secretFile, "--secret-file") : null;
		SharedStore store;
		if (this.jdbc != null) {
			String password = (this.passwordFile != null) ? Secrets.read(this.passwordFile, "--password-file") : null;
			String prefix = (this.tablePrefix != null) ? this.tablePrefix : JdbcSchema.DEFAULT_TABLE_PREFIX;
			try {
				JdbcSchema.requireValidPrefix(prefix);
			}
			catch (IllegalArgumentException ex) {
				throw CommandFailure.usage("--table-prefix " + ex.getMessage());
			}
			store = SharedStore.jdbc(this.jdbc, this.user, password, prefix, cluster, deadline.remaining());
		}
		else {
			StringBuilder jdbcOnly = new StringBuilder();
			ClientOptions.append(jdbcOnly, "--user", this.user);
			ClientOptions.append(jdbcOnly, "--password-file", this.passwordFile);
			ClientOptions.append(jdbcOnly, "--table-prefix", this.tablePrefix);
			if (jdbcOnly.length() > 0) {
				throw CommandFailure.usage(jdbcOnly + " go with --jdbc, not --directory");
			}
			store = SharedStore.directory(this.directory);
		}
		return MemberSession.join(store, cluster, secret, deadline);
	}

}
