/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads secrets (tokens, passwords, the cluster's secret) from files, so that they stay
 * out of the command line, where every user of the host can read them, and out of the
 * shell's history.
 *
 * @author LiteMesh team
 */
final class Secrets {

	/** Largest secret file read: a secret is a line, not a document. */
	private static final long MAX_SIZE = 64 * 1024;

	private Secrets() {
	}

	/**
	 * Read a secret: the file's text without its final line break.
	 * @param file the file
	 * @param option the option that named it, for messages
	 * @return the secret
	 * @throws CommandFailure ({@code USAGE}) when the file is missing, too large or empty
	 */
	static String read(Path file, String option) {
		try {
			if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
				throw CommandFailure.usage(option + " " + file + " is not a readable file of at most 64 KB");
			}
			String text = Files.readString(file, StandardCharsets.UTF_8);
			String secret = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
					: text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
			if (secret.isEmpty()) {
				throw CommandFailure.usage(option + " " + file + " is empty");
			}
			return secret;
		}
		catch (IOException ex) {
			throw CommandFailure.usage("Could not read " + option + " " + file + ": " + ex.getMessage());
		}
	}

}
