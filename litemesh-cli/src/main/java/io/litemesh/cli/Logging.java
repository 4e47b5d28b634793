/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The CLI's logging. LiteMesh, Netty, Reactor, HikariCP and the JDBC drivers all log
 * through {@code java.util.logging} here (SLF4J is bound to it), which is off by default:
 * standard error is for the one line that says why a command failed. {@code --verbose}
 * turns it on. LiteMesh never logs secrets or tokens.
 *
 * @author LiteMesh team
 */
final class Logging {

	private static final String FORMAT = "java.util.logging.SimpleFormatter.format";

	private Logging() {
	}

	static void silence() {
		LogManager.getLogManager().reset();
		Logger.getLogger("").setLevel(Level.OFF);
	}

	static void verbose() {
		if (System.getProperty(FORMAT) == null) {
			System.setProperty(FORMAT, "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
		}
		LogManager.getLogManager().reset();
		Logger root = Logger.getLogger("");
		ConsoleHandler handler = new ConsoleHandler();
		handler.setLevel(Level.ALL);
		handler.setFormatter(new SimpleFormatter());
		root.addHandler(handler);
		root.setLevel(Level.INFO);
		// the CLI's own detail: why a command failed, with its causes
		Logger.getLogger(Logging.class.getPackageName()).setLevel(Level.FINE);
	}

}
