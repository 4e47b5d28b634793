/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Runs the {@code litemesh} command in this JVM, as {@link MeshCli#main} does, with its
 * standard output and error captured.
 *
 * @author LiteMesh team
 */
final class Cli {

	private Cli() {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = MeshCli.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int status = commandLine.execute(args);
		return new Result(status, out.toString(), err.toString());
	}

	static Result run(List<String> reach, String... args) {
		return run(Stream.concat(reach.stream(), Arrays.stream(args)).toArray(String[]::new));
	}

	/**
	 * Start the command on a thread of its own, as a shell runs it until Ctrl+C.
	 * @param out where its standard output goes
	 * @param args the arguments
	 * @return the running command
	 */
	static Running start(Writer out, List<String> args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = MeshCli.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		CompletableFuture<Integer> status = CompletableFuture
			.supplyAsync(() -> commandLine.execute(args.toArray(String[]::new)), (task) -> {
				Thread thread = new Thread(task, "litemesh-cli-test");
				thread.setDaemon(true);
				thread.start();
			});
		return new Running(commandLine.getCommand(), status, err);
	}

	/**
	 * A command that runs.
	 *
	 * @param cli the command, to interrupt as Ctrl+C does
	 * @param status its exit status, once it ended
	 * @param err its standard error
	 */
	record Running(MeshCli cli, CompletableFuture<Integer> status, StringWriter err) {

	}

	/**
	 * What a run printed, and its exit status.
	 *
	 * @param status the exit status
	 * @param out standard output
	 * @param err standard error
	 */
	record Result(int status, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

		List<String> errLines() {
			return this.err.lines().toList();
		}

		JsonNode json() {
			return Json.MAPPER.readTree(this.out);
		}

		@Override
		public String toString() {
			return "status " + this.status + "\n--- out\n" + this.out + "--- err\n" + this.err;
		}

	}

}
