/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A route as a stock client sends it, {@code <service>.<endpoint>}: split at the last
 * dot, as the node reads it, so a service name may hold dots of its own.
 *
 * @param service the service
 * @param endpoint the endpoint
 * @author LiteMesh team
 */
record Route(String service, String endpoint) {

	/** Longest route accepted, well within what a node takes in routing metadata. */
	private static final int MAX_LENGTH = 255;

	/**
	 * Parse a route.
	 * @param text {@code <service>.<endpoint>}
	 * @return the route
	 * @throws IllegalArgumentException when the text is not a route, naming it
	 */
	static Route parse(String text) {
		int dot = text.lastIndexOf('.');
		if (dot <= 0 || dot == text.length() - 1 || text.length() > MAX_LENGTH
				|| text.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new IllegalArgumentException(
					"'" + Tables.clean(text) + "' is not a route; write SERVICE.ENDPOINT, such as greeter.hello");
		}
		return new Route(text.substring(0, dot), text.substring(dot + 1));
	}

	@Override
	public String toString() {
		return this.service + "." + this.endpoint;
	}

	/**
	 * Reads the {@code SERVICE.ENDPOINT} parameter, so that a malformed route is a usage
	 * error (exit status 2) before anything connects.
	 */
	static final class Converter implements ITypeConverter<Route> {

		@Override
		public Route convert(String value) {
			try {
				return parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
