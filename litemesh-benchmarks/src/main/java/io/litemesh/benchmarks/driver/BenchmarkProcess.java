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

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;

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
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			int equals = args[i].indexOf('=');
			options.put(args[i].substring(0, equals), args[i].substring(equals + 1));
		}
		String engine = options.get("engine");
		if (engine != null) {
			tlsEngine(engine);
		}
		EchoSystem system = (EchoSystem) Class.forName(args[1]).getDeclaredConstructor().newInstance();
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

	/**
	 * Choose the engine of Netty's TLS for both systems alike: neither raw rsocket-java
	 * nor LiteMesh names one, so both take Netty's default, OpenSSL when netty-tcnative
	 * is on the class path (it is, in this module) and the JDK's when it is turned off.
	 */
	private static void tlsEngine(String engine) {
		if (engine.equals("jdk")) {
			System.setProperty("io.netty.handler.ssl.noOpenSsl", "true");
		}
		else if (!engine.equals("openssl")) {
			throw new IllegalArgumentException("Unknown TLS engine '" + engine + "'");
		}
		SslProvider provider = SslContext.defaultServerProvider();
		if (!provider.name().equalsIgnoreCase(engine)) {
			throw new IllegalStateException("TLS engine '" + engine + "' asked for, Netty's default is " + provider,
					OpenSsl.unavailabilityCause());
		}
		System.err.println("TLS engine: " + provider);
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
