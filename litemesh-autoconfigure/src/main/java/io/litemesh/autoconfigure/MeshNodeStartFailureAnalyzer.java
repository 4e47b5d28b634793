/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.util.Locale;

import io.litemesh.MeshSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * {@link AbstractFailureAnalyzer} for a {@link io.litemesh.MeshNode} that failed to
 * start, with a dedicated analysis for a TCP port in use and a bind address that is not
 * local.
 *
 * @author LiteMesh team
 */
class MeshNodeStartFailureAnalyzer extends AbstractFailureAnalyzer<MeshNodeStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MeshNodeStartException cause) {
		MeshSettings settings = cause.getSettings();
		if (hasMessage(cause, "address already in use")) {
			return new FailureAnalysis(
					String.format("LiteMesh node '%s' failed to start. TCP port %d was already in use.",
							settings.nodeId(), settings.tcpPort()),
					String.format("Identify and stop the process that's listening on port %d or configure LiteMesh "
							+ "to listen on another port by setting 'litemesh.tcp.port' (0 picks a free port, -1 "
							+ "makes an outbound-only node).", settings.tcpPort()),
					cause);
		}
		if (hasMessage(cause, "cannot assign requested address")) {
			return new FailureAnalysis(
					String.format("LiteMesh node '%s' failed to start. Bind address '%s' is not an address of this "
							+ "host.", settings.nodeId(), settings.bindAddress()),
					"Set 'litemesh.tcp.bind-address' to an address of this host, or remove it to bind to the "
							+ "loopback address (or to every address when 'litemesh.security.secret' is set).",
					cause);
		}
		return new FailureAnalysis(
				String.format("LiteMesh node '%s' failed to start:%n%n    %s", settings.nodeId(), rootMessage(cause)),
				"Check the 'litemesh.tcp.*' and 'litemesh.seeds' properties of this application, and, when the "
						+ "node uses a database or a shared directory, the DataSource, 'litemesh.jdbc.*' and "
						+ "'litemesh.file.directory'.",
				cause);
	}

	private static boolean hasMessage(Throwable failure, String text) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			String message = candidate.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains(text)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String rootMessage(Throwable failure) {
		return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

}
