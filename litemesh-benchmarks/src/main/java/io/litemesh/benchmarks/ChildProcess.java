/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.litemesh.benchmarks.driver.BenchmarkProcess;

/**
 * One child JVM running {@link BenchmarkProcess}: started with {@code java -cp}, its
 * standard error written to a log file, its protocol lines ({@code READY},
 * {@code RESULT}, {@code FAILED}) read from standard output, its commands written to
 * standard input.
 *
 * @author LiteMesh team
 */
final class ChildProcess implements AutoCloseable {

	private static final String END = "\0end";

	private final String role;

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final Path log;

	private ChildProcess(String role, Process process, Path log) {
		this.role = role;
		this.process = process;
		this.log = log;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Thread reader = new Thread(this::readLines, "child-" + role + "-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a child JVM.
	 * @param role its role, for logs and CPU figures
	 * @param classpath its classpath
	 * @param jvmArgs its JVM arguments
	 * @param arguments arguments of {@link BenchmarkProcess}
	 * @param log where its standard error goes
	 * @return the started process
	 * @throws IOException if it cannot start
	 */
	static ChildProcess start(String role, String classpath, List<String> jvmArgs, List<String> arguments, Path log)
			throws IOException {
		List<String> command = javaCommand(jvmArgs, classpath, BenchmarkProcess.class.getName());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		return new ChildProcess(role, process, log);
	}

	/**
	 * Return the command that runs a main class in a JVM like this one.
	 * @param jvmArgs the JVM arguments
	 * @param classpath the classpath
	 * @param mainClass the main class
	 * @return the command, open to more arguments
	 */
	static List<String> javaCommand(List<String> jvmArgs, String classpath, String mainClass) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		return command;
	}

	private void readLines() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process went away: reported as its end
		}
		this.lines.add(END);
	}

	/**
	 * Wait for the {@code READY} line.
	 * @param timeout how long to wait
	 * @return what follows {@code READY}
	 * @throws Exception if the process failed or did not get ready in time
	 */
	String awaitReady(Duration timeout) throws Exception {
		return await("READY ", timeout);
	}

	/**
	 * Send a load-driver command and wait for its {@code RESULT}.
	 * @param command the command
	 * @param timeout how long to wait
	 * @return the result's JSON
	 * @throws Exception if the process failed or did not answer in time
	 */
	String command(String command, Duration timeout) throws Exception {
		this.commands.println(command);
		return await("RESULT ", timeout);
	}

	private String await(String prefix, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			String line = this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (line == null) {
				throw new IllegalStateException(
						this.role + " gave no " + prefix.trim() + " within " + timeout + "; see " + this.log);
			}
			if (line.equals(END) || line.startsWith("FAILED ")) {
				throw new IllegalStateException(
						this.role + " failed (" + line.replace(END, "exited") + "); see " + this.log);
			}
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length());
			}
		}
	}

	/**
	 * Return the CPU time the process has used so far (user and system, all threads).
	 * @return the CPU time in nanoseconds
	 */
	long cpuNanos() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("No CPU time for process " + this.process.pid()))
			.toNanos();
	}

	String role() {
		return this.role;
	}

	@Override
	public void close() {
		this.commands.close();
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
