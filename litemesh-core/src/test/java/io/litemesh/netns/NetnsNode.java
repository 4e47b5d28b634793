/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.MulticastDiscovery;
import io.litemesh.Target;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import reactor.core.publisher.Flux;

/**
 * A LiteMesh node in a JVM of its own on a {@link NetnsRig} host, driven by one-line
 * commands on its standard input; its answers are lines starting with {@link #ANSWER},
 * everything else it prints is its log. Arguments are {@code key=value}: {@code id},
 * {@code cluster}, {@code secret}, {@code seeds} (comma-separated), {@code port},
 * {@code bind}, {@code advertised}, {@code tls} (a directory of PKCS12 stores),
 * {@code multicast} ({@code group:port}, the port after the last colon),
 * {@code service=false} for a node that offers no service, {@code delay} (milliseconds
 * each way on the links to its seeds, for an outbound-only node).
 *
 * @author LiteMesh team
 */
public final class NetnsNode {

	static final String READY = "LMRIG-READY ";

	static final String FAILED = "LMRIG-FAILED ";

	static final String ANSWER = "LMRIG ";

	static final String STORE_PASSWORD = "rig-only";

	private final MeshNode node;

	private final MeshTemplate mesh;

	/** Peers this node has seen leave UP, and how often, since the last reset. */
	private final Map<String, AtomicLong> downs = new ConcurrentHashMap<>();

	private volatile Set<String> up = Set.of();

	/** Calls the running {@code load} has had answered, so a test can wait for it. */
	private final AtomicLong loadCalls = new AtomicLong();

	private NetnsNode(MeshNode node) {
		this.node = node;
		this.mesh = new MeshTemplate(node);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		MeshNode node;
		try {
			node = build(options);
			if (!"false".equals(options.get("service"))) {
				node.registerAnnotatedService("greeter", new Greeter(node.nodeId()));
			}
			node.start();
		}
		catch (Exception ex) {
			System.out.println(FAILED + ex.getMessage());
			System.out.flush();
			System.exit(2);
			return;
		}
		NetnsNode rigNode = new NetnsNode(node);
		Thread monitor = new Thread(rigNode::monitor, "rig-monitor");
		monitor.setDaemon(true);
		monitor.start();
		System.out.println(READY + String.join(",", node.addresses()));
		System.out.flush();
		rigNode.serve();
	}

	private static MeshNode build(Map<String, String> options) throws Exception {
		MeshNode.Builder builder = MeshNode.builder()
			.nodeId(options.get("id"))
			.cluster(options.getOrDefault("cluster", "rig"))
			.tcpPort(Integer.parseInt(options.getOrDefault("port", "7070")))
			.requestTimeout(Duration.ofSeconds(5));
		if (options.containsKey("secret")) {
			builder.secret(options.get("secret"));
		}
		if (options.containsKey("tls")) {
			builder.tls(tls(Path.of(options.get("tls")), options.get("id")));
		}
		if (options.containsKey("advertised")) {
			builder.advertisedAddress(options.get("advertised"));
		}
		if (options.containsKey("bind")) {
			builder.bindAddress(options.get("bind"));
		}
		if (options.containsKey("seeds")) {
			List<String> seeds = new ArrayList<>(Arrays.asList(options.get("seeds").split(",")));
			if (options.containsKey("delay")) {
				// an outbound-only node that dials its peers through delaying proxies has
				// every link delayed
				long delay = Long.parseLong(options.get("delay"));
				for (int i = 0; i < seeds.size(); i++) {
					seeds.set(i, DelayingProxy.start(seeds.get(i), delay));
				}
			}
			builder.seeds(seeds);
		}
		if (options.containsKey("multicast")) {
			String multicast = options.get("multicast");
			int colon = multicast.lastIndexOf(':');
			builder.multicast(MulticastDiscovery.on(multicast.substring(0, colon),
					Integer.parseInt(multicast.substring(colon + 1))));
		}
		return builder.build();
	}

	/**
	 * Mutual TLS from {@code <id>.p12} (key and chain) and {@code trust.p12} (the CA) in
	 * a directory the test wrote, password {@value #STORE_PASSWORD}.
	 */
	private static TcpTls tls(Path directory, String id) throws Exception {
		char[] password = STORE_PASSWORD.toCharArray();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve(id + ".p12"))) {
			keys.load(in, password);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve("trust.p12"))) {
			trusted.load(in, password);
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		return TcpTls.of(keyManagers, trust);
	}

	private void monitor() {
		while (true) {
			Set<String> now = upPeers();
			for (String peer : this.up) {
				if (!now.contains(peer)) {
					this.downs.computeIfAbsent(peer, (key) -> new AtomicLong()).incrementAndGet();
				}
			}
			this.up = now;
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Set<String> upPeers() {
		return this.node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.status() == NodeStatus.UP && !view.id().equals(this.node.nodeId()))
			.map(NodeView::id)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private void serve() throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			String command = line;
			// a thread each: a load run or a wait must not hold up the next command
			Thread worker = new Thread(() -> answer(command), "rig-command");
			worker.setDaemon(true);
			worker.start();
		}
		this.node.stop();
		System.exit(0);
	}

	private void answer(String line) {
		String[] words = line.split(" ");
		String id = words[0];
		String result;
		try {
			result = "OK " + execute(words);
		}
		catch (Exception ex) {
			result = "ERR " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		synchronized (System.out) {
			System.out.println(ANSWER + id + " " + result.replace('\n', ' '));
			System.out.flush();
		}
	}

	private String execute(String[] words) throws Exception {
		Duration timeout = Duration.ofSeconds(10);
		switch (words[1]) {
			case "up":
				return String.join(",", upPeers());
			case "hello":
				return this.mesh.request(target(words[2]), "hello", words[3], String.class).block(timeout);
			case "note":
				this.mesh.send(target(words[2]), "note", words[3]).block(timeout);
				return "sent";
			case "notes":
				return Long.toString(Greeter.notes.get());
			case "count":
				return this.mesh.stream(target(words[2]), "count", Integer.parseInt(words[3]), Integer.class)
					.reduce(0, Integer::sum)
					.block(timeout)
					.toString();
			case "wait-up":
				return Long.toString(waitFor(words[2], true, Long.parseLong(words[3])));
			case "wait-down":
				return Long.toString(waitFor(words[2], false, Long.parseLong(words[3])));
			case "load-progress":
				return Long.toString(this.loadCalls.get());
			case "downs":
				return this.downs.toString();
			case "downs-reset":
				this.downs.clear();
				return "reset";
			case "load":
				return load(words[2], Long.parseLong(words[3]), Long.parseLong(words[4]));
			default:
				throw new IllegalArgumentException("unknown command " + words[1]);
		}
	}

	private static Target target(String node) {
		return node.equals("*") ? Target.anycast("greeter") : Target.unicast(node, "greeter");
	}

	/**
	 * Wait until every named peer is UP (or none is), polling every 5 ms.
	 * @return the epoch millisecond it was seen so
	 */
	private long waitFor(String peers, boolean up, long timeoutMillis) throws InterruptedException {
		List<String> wanted = Arrays.asList(peers.split(","));
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (System.currentTimeMillis() < deadline) {
			Set<String> now = upPeers();
			if (up ? now.containsAll(wanted) : wanted.stream().noneMatch(now::contains)) {
				return System.currentTimeMillis();
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("peers " + peers + " not " + (up ? "up" : "down") + " within " + timeoutMillis
				+ " ms; up: " + upPeers());
	}

	/**
	 * Call {@code hello} on the target every interval for a duration, one call at a time.
	 * @return {@code ok=<n> failed=<n> failedAt=<epoch ms,...> providers=<node=count,...>}
	 */
	private String load(String target, long millis, long intervalMillis) throws InterruptedException {
		long end = System.currentTimeMillis() + millis;
		long ok = 0;
		List<Long> failedAt = new ArrayList<>();
		List<Long> micros = new ArrayList<>();
		Map<String, Long> providers = new LinkedHashMap<>();
		while (System.currentTimeMillis() < end) {
			long started = System.currentTimeMillis();
			long startedNanos = System.nanoTime();
			try {
				String reply = this.mesh.request(target(target), "hello", "load", String.class)
					.block(Duration.ofSeconds(10));
				micros.add((System.nanoTime() - startedNanos) / 1000);
				ok++;
				this.loadCalls.incrementAndGet();
				providers.merge(reply.substring(reply.lastIndexOf(' ') + 1), 1L, Long::sum);
			}
			catch (RuntimeException ex) {
				failedAt.add(started);
			}
			long pause = intervalMillis - (System.currentTimeMillis() - started);
			if (pause > 0) {
				Thread.sleep(pause);
			}
		}
		micros.sort(null);
		String p50 = micros.isEmpty() ? "-" : String.format("%.1f", micros.get(micros.size() / 2) / 1000.0);
		String max = micros.isEmpty() ? "-" : String.format("%.1f", micros.get(micros.size() - 1) / 1000.0);
		return "ok=" + ok + " failed=" + failedAt.size() + " failedAt="
				+ failedAt.stream().map(String::valueOf).collect(Collectors.joining(",")) + " providers=" + providers
				+ " p50Ms=" + p50 + " maxMs=" + max;
	}

	/** The service every rig node offers. */
	@MeshService(name = "greeter")
	public static final class Greeter {

		static final AtomicLong notes = new AtomicLong();

		private final String node;

		Greeter(String node) {
			this.node = node;
		}

		public String hello(String name) {
			return "hello " + name + " from " + this.node;
		}

		public void note(String text) {
			notes.incrementAndGet();
		}

		public Flux<Integer> count(int upTo) {
			return Flux.range(1, upTo);
		}

	}

}
