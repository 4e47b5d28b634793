/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the rig's commands ({@code ip}, {@code nft}) and fails with their output.
 *
 * @author LiteMesh team
 */
final class Shell {

	private Shell() {
	}

	static void run(String... command) {
		Result result = execute(null, command);
		if (result.code() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + result.code() + ": " + result.output());
		}
	}

	static void runWithInput(String input, String... command) {
		Result result = execute(input, command);
		if (result.code() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + result.code() + ": "
					+ result.output() + "\ninput:\n" + input);
		}
	}

	static String output(String... command) {
		Result result = execute(null, command);
		if (result.code() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + result.code() + ": " + result.output());
		}
		return result.output();
	}

	static int exitCode(String... command) {
		return execute(null, command).code();
	}

	static void quiet(String... command) {
		execute(null, command);
	}

	private static Result execute(String input, String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			try (OutputStream in = process.getOutputStream()) {
				if (input != null) {
					in.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, output + " (timed out)");
			}
			return new Result(process.exitValue(), output.trim());
		}
		catch (IOException ex) {
			return new Result(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, ex.toString());
		}
	}

	private record Result(int code, String output) {
	}

}
