/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link NetnsNode} running on a rig host, seen from the test: its log, its addresses,
 * and its commands.
 *
 * @author LiteMesh team
 */
final class RigNode {

	private final String id;

	private final Process process;

	private final Path log;

	private final PrintWriter commands;

	private final CompletableFuture<String> started = new CompletableFuture<>();

	private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private RigNode(String id, Process process, Path log) {
		this.id = id;
		this.process = process;
		this.log = log;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
	}

	static RigNode start(NetnsRig rig, NetnsRig.Host host, Path logs, List<String> args) {
		RigNode node = launch(host, logs, args);
		try {
			String ready = node.started.get(60, TimeUnit.SECONDS);
			if (ready.startsWith(NetnsNode.FAILED)) {
				throw new AssertionError("Node " + node.id + " failed to start: " + ready);
			}
			return node;
		}
		catch (Exception ex) {
			node.kill();
			throw new AssertionError("Node " + node.id + " did not start on " + host.namespace() + ": " + ex, ex);
		}
	}

	static RigNode launch(NetnsRig.Host host, Path logs, List<String> args) {
		String id = args.stream()
			.filter((arg) -> arg.startsWith("id="))
			.map((arg) -> arg.substring(3))
			.findFirst()
			.orElseThrow();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace(), java, "-Xmx128m",
				"-XX:TieredStopAtLevel=1",
				// host names are resolved afresh, as the hosts files of a test change
				"-Dsun.net.inetaddr.ttl=1", "-cp", System.getProperty("java.class.path"), NetnsNode.class.getName()));
		command.addAll(args);
		try {
			Path log = logs.resolve(id + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			RigNode node = new RigNode(id, process, log);
			Thread reader = new Thread(node::read, "rig-" + id);
			reader.setDaemon(true);
			reader.start();
			return node;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start node " + id, ex);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(this.log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				out.write(line);
				out.write('\n');
				out.flush();
				if (line.startsWith(NetnsNode.READY) || line.startsWith(NetnsNode.FAILED)) {
					this.started.complete(line);
				}
				else if (line.startsWith(NetnsNode.ANSWER)) {
					String[] parts = line.substring(NetnsNode.ANSWER.length()).split(" ", 2);
					CompletableFuture<String> answer = this.answers.remove(parts[0]);
					if (answer != null) {
						answer.complete(parts[1]);
					}
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		this.started.completeExceptionally(new IllegalStateException("Node " + this.id + " exited"));
		this.answers.values()
			.forEach(
					(answer) -> answer.completeExceptionally(new IllegalStateException("Node " + this.id + " exited")));
	}

	String awaitFailure() {
		try {
			String line = this.started.get(60, TimeUnit.SECONDS);
			if (!line.startsWith(NetnsNode.FAILED)) {
				throw new AssertionError("Node " + this.id + " started, but should have failed: " + line);
			}
			NetnsRig.awaitExit(this.process);
			return line.substring(NetnsNode.FAILED.length());
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new AssertionError("Node " + this.id + " did not report its failure: " + ex, ex);
		}
	}

	String id() {
		return this.id;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Return the addresses the node advertises.
	 * @return such as {@code tcp://10.231.0.1:7070}
	 */
	String addresses() {
		return this.started.join().substring(NetnsNode.READY.length());
	}

	/**
	 * Run a command and return its answer.
	 * @param command the command and its arguments, as {@link NetnsNode} reads them
	 * @param timeout how long to wait
	 * @return the answer after {@code OK}
	 * @throws AssertionError when the node answered {@code ERR} or not at all
	 */
	String call(String command, Duration timeout) {
		String answer = tryCall(command, timeout);
		if (!answer.startsWith("OK")) {
			throw new AssertionError("Node " + this.id + " answered '" + command + "' with " + answer);
		}
		return answer.substring(2).trim();
	}

	String call(String command) {
		return call(command, Duration.ofSeconds(30));
	}

	/**
	 * Run a command and return its whole answer, {@code OK ...} or {@code ERR ...}.
	 * @param command the command
	 * @param timeout how long to wait
	 * @return the answer
	 */
	String tryCall(String command, Duration timeout) {
		String seq = Integer.toString(this.sequence.incrementAndGet());
		CompletableFuture<String> answer = new CompletableFuture<>();
		this.answers.put(seq, answer);
		this.commands.println(seq + " " + command);
		try {
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Node " + this.id + " did not answer '" + command + "': " + ex, ex);
		}
	}

	/**
	 * Start a command and return at once.
	 * @param command the command
	 * @return its answer, when it comes
	 */
	CompletableFuture<String> callAsync(String command) {
		String seq = Integer.toString(this.sequence.incrementAndGet());
		CompletableFuture<String> answer = new CompletableFuture<>();
		this.answers.put(seq, answer);
		this.commands.println(seq + " " + command);
		return answer;
	}

	/**
	 * Kill the node as a crash would ({@code SIGKILL}).
	 */
	void kill() {
		this.process.destroyForcibly();
		NetnsRig.awaitExit(this.process);
	}

}
