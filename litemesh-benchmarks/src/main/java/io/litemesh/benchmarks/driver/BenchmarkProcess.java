/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Main class of every child JVM the runner starts:
 * {@code BenchmarkProcess server|relay|client <EchoSystem class> [key=value ...]}. It
 * prints {@code READY <value>} once the part it plays is up; a client then serves the
 * load driver's commands. Every process ends when its standard input closes, so children
 * never outlive the runner. Only the protocol lines go to standard output; everything
 * else printed there is sent to standard error.
 *
 * @author LiteMesh team
 */
public final class BenchmarkProcess {

	private BenchmarkProcess() {
	}

	/**
	 * Start the role.
	 * @param args role, system class, options
	 * @throws Exception if the role cannot start
	 */
	public static void main(String[] args) throws Exception {
		PrintStream protocol = System.out;
		System.setOut(System.err);
		String role = args[0];
		EchoSystem system = (EchoSystem) Class.forName(args[1]).getDeclaredConstructor().newInstance();
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			int equals = args[i].indexOf('=');
			options.put(args[i].substring(0, equals), args[i].substring(equals + 1));
		}
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			switch (role) {
				case "server" -> {
					ready(protocol, system.startServer(options));
					drain(in);
				}
				case "relay" -> {
					ready(protocol, system.startRelay(options));
					drain(in);
				}
				case "client" -> {
					EchoClient client = system.connect(options);
					ready(protocol, String.valueOf(ProcessHandle.current().pid()));
					new LoadDriver(client, protocol).serve(in);
				}
				default -> throw new IllegalArgumentException("Unknown role '" + role + "'");
			}
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			protocol.println("FAILED " + ex);
			protocol.flush();
			Runtime.getRuntime().halt(1);
		}
		// no orderly shutdown to wait for: the runner has what it needs
		Runtime.getRuntime().halt(0);
	}

	private static void ready(PrintStream protocol, String value) {
		protocol.println("READY " + value);
		protocol.flush();
	}

	private static void drain(BufferedReader in) throws Exception {
		while (in.readLine() != null) {
			// nothing to do until the runner closes the pipe
		}
	}

}
