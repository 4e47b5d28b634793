/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import org.jspecify.annotations.Nullable;

/**
 * Why a command failed, as the one line it prints on standard error:
 * {@code error <CODE>: <message>}. The codes of a node's error frames ({@code NO_ROUTE},
 * {@code DENIED}, ...) pass through unchanged; the CLI adds its own for what happens
 * before a node answers ({@code UNREACHABLE}, {@code TIMEOUT}, ...), and {@code USAGE}
 * for arguments that cannot work, which exits with status 2 instead of 1.
 *
 * @author LiteMesh team
 */
final class CommandFailure extends RuntimeException {

	/** The code of bad usage: exit status 2. */
	static final String USAGE = "USAGE";

	private final String code;

	CommandFailure(String code, String message) {
		this(code, message, null);
	}

	CommandFailure(String code, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/**
	 * Create the failure of arguments that cannot work, such as a file that does not
	 * exist.
	 * @param message what is wrong and what to give instead
	 * @return the failure
	 */
	static CommandFailure usage(String message) {
		return new CommandFailure(USAGE, message);
	}

	String code() {
		return this.code;
	}

	int exitStatus() {
		return USAGE.equals(this.code) ? 2 : 1;
	}

	/**
	 * Return the line to print: a message that came from a node is the node's text, so
	 * control characters (line breaks, terminal escapes) are replaced to keep it one
	 * harmless line.
	 * @return the line, without a line break
	 */
	String line() {
		return "error " + this.code + ": " + Tables.clean(String.valueOf(getMessage()));
	}

}
