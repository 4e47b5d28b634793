/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * How to start the demo, from {@code demo.*} command-line arguments or environment
 * variables ({@code --demo.base-http-port=9080} or {@code DEMO_BASE_HTTP_PORT=9080}).
 * They are read before any node starts, so {@code application.yaml} cannot set them.
 *
 * @param baseHttpPort the HTTP port of the gateway; the others follow it; {@code 0} for
 * free ports
 * @param baseTcpPort the mesh's TCP port of the gateway; the others follow it; {@code 0}
 * for free ports
 * @param node the one node to run in this JVM, such as {@code catalog-1}; {@code null} to
 * run all four
 * @param formationTimeout how long to wait for the mesh to form before printing the
 * banner anyway
 * @param tls whether the nodes link over mutual TLS, with certificates of a throwaway CA
 * made at startup ({@code --demo.tls})
 * @author LiteMesh team
 */
public record DemoSettings(@DefaultValue("8080") int baseHttpPort, @DefaultValue("7070") int baseTcpPort,
		@Nullable String node, @DefaultValue("30s") Duration formationTimeout, @DefaultValue("false") boolean tls) {

	/**
	 * Check the settings.
	 * @param baseHttpPort the base HTTP port
	 * @param baseTcpPort the base TCP port
	 * @param node the node to run alone, or {@code null}
	 * @param formationTimeout how long to wait for the mesh
	 * @param tls whether the nodes link over mutual TLS
	 */
	public DemoSettings {
		checkPort("demo.base-http-port", baseHttpPort);
		checkPort("demo.base-tcp-port", baseTcpPort);
		if (node != null) {
			node = DemoNode.of(node).id();
		}
		if (formationTimeout.isNegative() || formationTimeout.isZero()) {
			throw new IllegalArgumentException("demo.formation-timeout must be positive, but was " + formationTimeout);
		}
		if (tls && node != null) {
			// each JVM would make a CA of its own, which the other JVMs do not trust
			throw new IllegalArgumentException("demo.tls makes a throwaway CA in this JVM, so it runs all the nodes in "
					+ "one JVM; to run node " + node + " alone over TLS, give every node spring.ssl.bundle.pem.mesh.* "
					+ "with certificates of one CA and litemesh.tcp.ssl.bundle=mesh instead");
		}
	}

	/**
	 * Read the settings from command-line arguments and the environment.
	 * @param args the command-line arguments
	 * @return the settings, with the defaults for what the arguments do not set
	 */
	public static DemoSettings from(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		if ("".equals(environment.getProperty("demo.tls"))) {
			// a bare --demo.tls switches TLS on, as a flag does
			environment.getPropertySources().addFirst(new MapPropertySource("demoFlags", Map.of("demo.tls", "true")));
		}
		return Binder.get(environment).bindOrCreate("demo", DemoSettings.class);
	}

	/**
	 * Settings for all four nodes in this JVM on free ports, as tests want them.
	 * @return the settings
	 */
	public static DemoSettings ephemeral() {
		return new DemoSettings(0, 0, null, Duration.ofSeconds(30), false);
	}

	/**
	 * Return the node to run alone.
	 * @return the node, or {@code null} when all four run in this JVM
	 */
	public @Nullable DemoNode singleNode() {
		return (this.node != null) ? DemoNode.of(this.node) : null;
	}

	/**
	 * Return the HTTP port of a node.
	 * @param node the node
	 * @return the port, {@code 0} when it is any free one
	 */
	public int httpPort(DemoNode node) {
		return (this.baseHttpPort != 0) ? this.baseHttpPort + node.offset() : 0;
	}

	/**
	 * Return the mesh's TCP port of a node.
	 * @param node the node
	 * @return the port, {@code 0} when it is any free one
	 */
	public int tcpPort(DemoNode node) {
		return (this.baseTcpPort != 0) ? this.baseTcpPort + node.offset() : 0;
	}

	private static void checkPort(String key, int port) {
		int highest = 65535 - (DemoNode.values().length - 1);
		if (port < 0 || port > highest) {
			throw new IllegalArgumentException(
					key + " must be 0 (any free port) or a port from 1 to " + highest + ", but was " + port);
		}
	}

}
