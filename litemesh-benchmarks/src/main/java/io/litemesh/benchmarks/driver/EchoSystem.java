/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

import java.util.Map;

/**
 * One system under comparison: how it starts an echo server, a relay and a client in a
 * child JVM. Implementations have a public no-argument constructor; the runner names them
 * by class, so a child JVM loads only the system it runs.
 *
 * @author LiteMesh team
 */
public interface EchoSystem {

	/**
	 * Start an echo server and return what clients or relays need to reach it.
	 * @param options {@code key=value} options from the scenario
	 * @return the address (or other reference) printed after {@code READY}
	 * @throws Exception if the server cannot start
	 */
	String startServer(Map<String, String> options) throws Exception;

	/**
	 * Start a relay between clients and a server.
	 * @param options {@code key=value} options from the scenario
	 * @return the address clients dial
	 * @throws Exception if the relay cannot start
	 */
	default String startRelay(Map<String, String> options) throws Exception {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " has no relay");
	}

	/**
	 * Connect a client and wait until it can call the server.
	 * @param options {@code key=value} options from the scenario
	 * @return the client
	 * @throws Exception if it cannot connect
	 */
	EchoClient connect(Map<String, String> options) throws Exception;

	/**
	 * Return a required option.
	 * @param options the options
	 * @param key the key
	 * @return its value
	 */
	static String required(Map<String, String> options, String key) {
		String value = options.get(key);
		if (value == null) {
			throw new IllegalArgumentException("Missing option '" + key + "' in " + options);
		}
		return value;
	}

}
