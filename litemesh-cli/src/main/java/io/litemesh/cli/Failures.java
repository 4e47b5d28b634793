/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.litemesh.MeshException;
import io.litemesh.codec.RemoteError;
import io.rsocket.RSocketErrorException;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionCloseException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

import org.springframework.dao.DataAccessException;

/**
 * Turns whatever a command ran into into a {@link CommandFailure} with a code and a
 * message of one line. A node's error frame carries LiteMesh's own error as JSON
 * ({@code {"code":..., "type":..., "message":...}}), whose code and message pass through
 * as they are; a transient member's exceptions get the same codes, so both ways of
 * reaching the mesh fail alike.
 *
 * @author LiteMesh team
 */
final class Failures {

	private Failures() {
	}

	/**
	 * Describe a failure.
	 * @param failure what was thrown
	 * @param peer what the command talked to
	 * @return the failure to print
	 */
	static CommandFailure describe(Throwable failure, Peer peer) {
		Throwable ex = Exceptions.unwrap(failure);
		if (ex instanceof CommandFailure commandFailure) {
			return commandFailure;
		}
		if (ex instanceof ApplicationErrorException applicationError) {
			RemoteError error = RemoteError.parse(applicationError.getMessage());
			return (error != null) ? new CommandFailure(error.code(), error.message())
					: new CommandFailure("APPLICATION_ERROR", String.valueOf(applicationError.getMessage()));
		}
		if (ex instanceof ConnectionCloseException || ex instanceof ClosedChannelException) {
			return new CommandFailure("CLOSED",
					peer.name() + " closed the connection before it answered"
							+ (peer.tls() ? " (it may want a client certificate it trusts: --key)"
									: " (a node with TLS closes plain connections: --tls)"),
					ex);
		}
		if (ex instanceof RSocketErrorException rsocketError) {
			return new CommandFailure(code(rsocketError), String.valueOf(rsocketError.getMessage()), ex);
		}
		if (ex instanceof MeshException meshException) {
			RemoteError error = RemoteError.of(meshException, "The call");
			return new CommandFailure(error.code(), error.message(), ex);
		}
		if (ex instanceof TimeoutException) {
			return new CommandFailure("TIMEOUT",
					"No answer from " + peer.name() + " within " + Durations.format(peer.timeout()) + " (--timeout)",
					ex);
		}
		Throwable tls = find(ex, SSLException.class);
		if (tls != null) {
			// the JDK words an untrusted certificate as its path-building internals
			String reason = String.valueOf(tls.getMessage()).contains("PKIX path building failed")
					? "its certificate is not signed by a CA this client trusts (--trust)" : tls.getMessage();
			return new CommandFailure("TLS", "TLS with " + peer.name() + " failed: " + reason, ex);
		}
		// before connection errors: a database that cannot be reached is a database
		// failure
		SQLException sql = find(ex, SQLException.class);
		if (sql != null || ex instanceof DataAccessException
				|| ex.getClass().getName().startsWith("com.zaxxer.hikari")) {
			return new CommandFailure("DATABASE", "The database failed: "
					+ ((sql != null && sql.getMessage() != null) ? sql.getMessage() : rootMessage(ex)), ex);
		}
		if (find(ex, ConnectException.class) != null || find(ex, UnknownHostException.class) != null) {
			String reason = rootMessage(ex);
			// Netty's native transport words a refusal as a failed system call
			return new CommandFailure("UNREACHABLE", "Could not connect to " + peer.name() + ": "
					+ (reason.contains("Connection refused") ? "connection refused" : reason), ex);
		}
		return new CommandFailure("ERROR", ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
	}

	/**
	 * What a command talked to, for messages.
	 *
	 * @param name such as {@code node 127.0.0.1:7070} or {@code the mesh}
	 * @param tls whether the connection is TLS
	 * @param timeout the command's time bound, for the message of a timeout
	 */
	record Peer(String name, boolean tls, Duration timeout) {

	}

	/**
	 * Name an RSocket error frame's type as the protocol does:
	 * {@code RejectedSetupException} is {@code REJECTED_SETUP}.
	 */
	private static String code(RSocketErrorException error) {
		String name = error.getClass().getSimpleName().replace("Exception", "");
		return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
