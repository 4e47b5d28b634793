/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

/**
 * A {@code host:port} pair, as seeds and advertised addresses are written.
 *
 * @param host the host name or IP address
 * @param port the port
 * @author LiteMesh team
 */
public record HostAndPort(String host, int port) {

	/**
	 * Parse {@code host:port}, {@code [ipv6]:port}, {@code tcp://host:port} or a bare
	 * host.
	 * @param text the text
	 * @param defaultPort the port when the text names none; {@code -1} to require one
	 * @return the parsed pair
	 * @throws IllegalArgumentException when the text is not an address, naming it
	 */
	public static HostAndPort parse(String text, int defaultPort) {
		String value = text.trim();
		if (value.startsWith("tcp://")) {
			value = value.substring("tcp://".length());
		}
		String host = value;
		int port = defaultPort;
		int colon = value.lastIndexOf(':');
		boolean bracketed = value.startsWith("[");
		if (colon > 0 && (!bracketed || colon > value.indexOf(']'))) {
			host = value.substring(0, colon);
			try {
				port = Integer.parseInt(value.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Address '" + text + "' has an invalid port; expected host:port");
			}
		}
		if (bracketed) {
			host = host.substring(1, host.length() - 1);
		}
		if (host.isBlank() || port < 0 || port > 65535) {
			throw new IllegalArgumentException("Address '" + text + "' is not a valid host:port");
		}
		return new HostAndPort(host, port);
	}

	/**
	 * Return this address as a URI, as advertisements and the Actuator endpoint show it.
	 * @return {@code tcp://host:port}
	 */
	public String toUri() {
		return "tcp://" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	@Override
	public String toString() {
		return this.host + ":" + this.port;
	}

}
