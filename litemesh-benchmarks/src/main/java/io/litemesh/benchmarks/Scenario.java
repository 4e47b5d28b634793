/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks;

import java.nio.file.Path;
import java.util.List;

import io.litemesh.benchmarks.driver.BenchmarkTls;
import io.litemesh.benchmarks.jgroups.JGroupsSystem;
import io.litemesh.benchmarks.litemesh.LiteMeshSystem;
import io.litemesh.benchmarks.rsocket.RawRSocketSystem;
import io.litemesh.benchmarks.webflux.WebFluxSystem;

/**
 * One system measured: the JVMs it takes, started in order, the last one the client. An
 * argument {@code @n} of a launch stands for what launch {@code n} printed after
 * {@code READY} (an address).
 *
 * @param name the name used on the command line and in the results
 * @param label the name in the tables
 * @param group {@code direct} (client and server), {@code relay} (client, relay, server),
 * {@code tls} (client and server over mutual TLS with the JDK's engine),
 * {@code tls-openssl} (the same with OpenSSL's, netty-tcnative's BoringSSL); other groups
 * (such as the PostgreSQL scenarios) can be added
 * @param classpath {@code main} (this module) or {@code scalecube} (the ScaleCube module)
 * @param launches the processes, in the order they start
 * @author LiteMesh team
 */
public record Scenario(String name, String label, String group, String classpath, List<Launch> launches) {

	/**
	 * Return every scenario, in the order a round runs them.
	 * @return the scenarios
	 */
	public static List<Scenario> all() {
		String raw = RawRSocketSystem.class.getName();
		String mesh = LiteMeshSystem.class.getName();
		String webflux = WebFluxSystem.class.getName();
		String jgroups = JGroupsSystem.class.getName();
		String scalecube = "io.litemesh.benchmarks.scalecube.ScaleCubeSystem";
		String cluster = "cluster=bench-" + ProcessHandle.current().pid();
		return List.of(direct("raw", "raw rsocket-java", raw), direct("litemesh", "LiteMesh 1 hop", mesh, "seed"),
				new Scenario("litemesh-worker", "LiteMesh 1 hop, endpoint on a worker thread", "direct", "main",
						List.of(new Launch("server", mesh, List.of("endpoint=worker")),
								new Launch("client", mesh, List.of("seed=@0")))),
				new Scenario("litemesh-observed", "LiteMesh 1 hop, observed into timers", "direct", "main",
						List.of(new Launch("server", mesh, List.of("observed=true")),
								new Launch("client", mesh, List.of("seed=@0", "observed=true")))),
				direct("webflux", "WebClient -> WebFlux", webflux),
				new Scenario(
						"jgroups", "JGroups RpcDispatcher", "direct", "main",
						List.of(new Launch("server", jgroups, List.of(cluster)),
								new Launch("client", jgroups, List.of("server=@0", cluster)))),
				new Scenario("scalecube", "ScaleCube services", "direct", "scalecube",
						List.of(new Launch("server", scalecube, List.of()),
								new Launch("client", scalecube, List.of("server=@0")))),
				new Scenario("raw-relay", "raw forwarding relay (rsocket-java)", "relay", "main",
						List.of(new Launch("server", raw, List.of()), new Launch("relay", raw, List.of("server=@0")),
								new Launch("client", raw, List.of("server=@1")))),
				new Scenario("litemesh-relayed", "LiteMesh relayed (2 hops)", "relay", "main",
						List.of(new Launch("relay", mesh, List.of()),
								new Launch("server", mesh, List.of("seed=@0", "outbound-only=true")),
								new Launch("client", mesh, List.of("seed=@0", "outbound-only=true", "hops=2")))),
				tls("raw", "raw rsocket-java", raw, "server", "jdk"),
				tls("litemesh", "LiteMesh 1 hop", mesh, "seed", "jdk"),
				tls("raw", "raw rsocket-java", raw, "server", "openssl"),
				tls("litemesh", "LiteMesh 1 hop", mesh, "seed", "openssl"));
	}

	/**
	 * A scenario over mutual TLS with the given engine of Netty's: group {@code tls} for
	 * the JDK's, {@code tls-openssl} for OpenSSL's.
	 */
	private static Scenario tls(String system, String label, String mainClass, String serverKey, String engine) {
		String group = engine.equals("jdk") ? "tls" : "tls-" + engine;
		String keyStore = "tls=" + keyStore();
		return new Scenario(system + "-" + group, label + ", mutual TLS" + (engine.equals("jdk") ? "" : ", OpenSSL"),
				group, "main", List.of(new Launch("server", mainClass, List.of(keyStore, "engine=" + engine)),
						new Launch("client", mainClass, List.of(serverKey + "=@0", keyStore, "engine=" + engine))));
	}

	/**
	 * Return the key store of the TLS scenarios, which the runner makes before the first
	 * round that needs it.
	 * @return its path
	 */
	public static Path keyStore() {
		return BenchmarkTls
			.keyStorePath(Path.of(System.getProperty("litemesh.benchmarks.home", ".")).resolve("target"));
	}

	private static Scenario direct(String name, String label, String system) {
		return direct(name, label, system, "server");
	}

	private static Scenario direct(String name, String label, String system, String serverKey) {
		return new Scenario(name, label, "direct", "main", List.of(new Launch("server", system, List.of()),
				new Launch("client", system, List.of(serverKey + "=@0"))));
	}

	/**
	 * Return whether the scenario runs LiteMesh, so takes the {@code --litemesh} options.
	 * @return whether it does
	 */
	public boolean isLiteMesh() {
		return this.name.startsWith("litemesh");
	}

	/**
	 * One JVM of a scenario.
	 *
	 * @param role {@code server}, {@code relay} or {@code client}
	 * @param system the {@code EchoSystem} class it runs
	 * @param options its {@code key=value} options
	 */
	public record Launch(String role, String system, List<String> options) {

	}

}
