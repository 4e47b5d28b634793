/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Test hosts of the project's own: Linux network namespaces {@code lm<n>-<run>} joined by
 * veth pairs to a bridge in a namespace of its own, with addresses only inside them
 * (10.231.0.0/24 and fd00:231::/64), on which nodes run as separate JVMs
 * ({@code ip netns exec}). It can cut and restore a host's link, drop a share of a host's
 * packets (nftables), and put a host behind a router that masquerades. The machine's own
 * interfaces and routes are never touched: every link is created inside a namespace.
 * <p>
 * Needs root and {@code ip}; tests skip otherwise, unless
 * {@code LITEMESH_TEST_REQUIRE_NETNS=true}, which makes them fail. {@link #close()}
 * deletes every namespace of the rig, and {@link #create} those of earlier runs whose JVM
 * is gone.
 *
 * @author LiteMesh team
 */
final class NetnsRig implements AutoCloseable {

	static final String REQUIRE = "LITEMESH_TEST_REQUIRE_NETNS";

	/** A namespace of a rig: {@code lm<role>-<pid of its JVM>x<random>}. */
	private static final Pattern NAME = Pattern.compile("lm[a-z0-9]+-([0-9]+)x[a-z0-9]+");

	/** The logs of the nodes of the test that runs, printed when it fails. */
	private static final List<Path> currentLogs = Collections.synchronizedList(new ArrayList<>());

	private final String run;

	private final String bridge;

	private final List<String> namespaces = new ArrayList<>();

	private final List<Host> hosts = new ArrayList<>();

	private final List<RigNode> nodes = Collections.synchronizedList(new ArrayList<>());

	private final Path logs;

	private NetnsRig(String run) {
		this.run = run;
		this.bridge = "lmbr-" + run;
		this.logs = Path.of("target", "netns", run).toAbsolutePath();
	}

	/**
	 * Skip the calling test, with the reason, unless the rig can run here; fail instead
	 * when {@value #REQUIRE} is set.
	 */
	static void assumeAvailable() {
		String missing = null;
		if (!"root".equals(System.getProperty("user.name"))) {
			missing = "root (network namespaces)";
		}
		else if (!new File("/usr/sbin/ip").canExecute() && !new File("/sbin/ip").canExecute()) {
			missing = "the ip command (iproute2)";
		}
		if (missing == null) {
			return;
		}
		String message = "Network namespace tests need " + missing + "; they run as root in CI (.ci/run)";
		if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
			throw new AssertionError(message + ", and " + REQUIRE + "=true");
		}
		Assumptions.abort(message);
	}

	/**
	 * Skip (or fail, as {@link #assumeAvailable()}) unless nftables is installed.
	 */
	static void assumeNftables() {
		if (new File("/usr/sbin/nft").canExecute()) {
			return;
		}
		String message = "This test needs nftables (apt-get install nftables; .ci/run installs it)";
		if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
			throw new AssertionError(message);
		}
		Assumptions.abort(message);
	}

	/**
	 * Make hosts joined by a bridge.
	 * @param count how many hosts
	 * @return the rig
	 */
	static NetnsRig create(int count) {
		assumeAvailable();
		deleteStale();
		String run = ProcessHandle.current().pid() + "x"
				+ Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
		NetnsRig rig = new NetnsRig(run);
		try {
			rig.createBridge();
			for (int i = 1; i <= count; i++) {
				rig.addHost();
			}
			Files.createDirectories(rig.logs);
			return rig;
		}
		catch (IOException | RuntimeException ex) {
			rig.close();
			throw new IllegalStateException("Could not make the test hosts", ex);
		}
	}

	private static void deleteStale() {
		for (String line : Shell.output("ip", "netns", "list").split("\n")) {
			String name = line.split(" ")[0].trim();
			Matcher matcher = NAME.matcher(name);
			if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
				delete(name);
			}
		}
	}

	private void createBridge() {
		namespace(this.bridge);
		Shell.run("ip", "-n", this.bridge, "link", "set", "lo", "up");
		Shell.run("ip", "-n", this.bridge, "link", "add", "br0", "type", "bridge");
		// no IGMP querier here: without snooping the bridge floods multicast as a hub
		// would
		Shell.run("ip", "-n", this.bridge, "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
		Shell.run("ip", "-n", this.bridge, "link", "set", "br0", "up");
	}

	private void namespace(String name) {
		Shell.run("ip", "netns", "add", name);
		this.namespaces.add(name);
	}

	private Host addHost() {
		int index = this.hosts.size() + 1;
		Host host = new Host("lm" + index + "-" + this.run, index, "10.231.0." + index, "fd00:231::" + index,
				"h" + index);
		namespace(host.namespace());
		plug(host.namespace(), "eth0", host.port());
		Shell.run("ip", "-n", host.namespace(), "addr", "add", host.ipv4() + "/24", "dev", "eth0");
		Shell.run("ip", "-n", host.namespace(), "addr", "add", host.ipv6() + "/64", "dev", "eth0", "nodad");
		Shell.run("ip", "-n", host.namespace(), "link", "set", "eth0", "up");
		Shell.run("ip", "-n", host.namespace(), "route", "add", "224.0.0.0/4", "dev", "eth0");
		this.hosts.add(host);
		return host;
	}

	/** A veth pair from a namespace to the bridge, made inside the namespaces. */
	private void plug(String namespace, String inside, String bridgePort) {
		// 'eth0': a 'veth' name would be taken for a container link and not advertised
		Shell.run("ip", "-n", namespace, "link", "add", inside, "type", "veth", "peer", "name", bridgePort, "netns",
				this.bridge);
		Shell.run("ip", "-n", this.bridge, "link", "set", bridgePort, "master", "br0", "up");
		Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
	}

	/**
	 * Add a host behind a router that masquerades: the host (192.168.77.2) reaches the
	 * others through the router (10.231.0.254 on the bridge), which lets no connection
	 * in.
	 * @return the host behind the router
	 */
	Host addNatHost() {
		assumeNftables();
		String router = "lmrt-" + this.run;
		namespace(router);
		plug(router, "wan", "hrt");
		Shell.run("ip", "-n", router, "addr", "add", "10.231.0.254/24", "dev", "wan");
		Shell.run("ip", "-n", router, "link", "set", "wan", "up");
		int index = this.hosts.size() + 1;
		Host host = new Host("lm" + index + "-" + this.run, index, "192.168.77.2", "fd00:77::2", "hrt");
		namespace(host.namespace());
		Shell.run("ip", "-n", host.namespace(), "link", "set", "lo", "up");
		Shell.run("ip", "-n", host.namespace(), "link", "add", "eth0", "type", "veth", "peer", "name", "lan", "netns",
				router);
		Shell.run("ip", "-n", router, "addr", "add", "192.168.77.1/24", "dev", "lan");
		Shell.run("ip", "-n", router, "link", "set", "lan", "up");
		Shell.run("ip", "-n", host.namespace(), "addr", "add", "192.168.77.2/24", "dev", "eth0");
		Shell.run("ip", "-n", host.namespace(), "link", "set", "eth0", "up");
		Shell.run("ip", "-n", host.namespace(), "route", "add", "default", "via", "192.168.77.1");
		Shell.run("ip", "netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
		Shell.runWithInput(
				String.join("\n", "table ip lmnat {",
						"  chain post { type nat hook postrouting priority srcnat; oifname \"wan\" masquerade; }",
						"  chain forward_lan { type filter hook forward priority filter; policy drop;",
						"    ct state established,related accept; iifname \"lan\" accept; }", "}", ""),
				"ip", "netns", "exec", router, "nft", "-f", "-");
		this.hosts.add(host);
		return host;
	}

	/**
	 * Return a host.
	 * @param index from 1
	 * @return the host
	 */
	Host host(int index) {
		return this.hosts.get(index - 1);
	}

	/**
	 * Cut a host's link: its bridge port goes down, as a pulled cable would.
	 * @param host the host
	 */
	void cut(Host host) {
		Shell.run("ip", "-n", this.bridge, "link", "set", host.port(), "down");
	}

	/**
	 * Restore a host's link.
	 * @param host the host
	 */
	void restore(Host host) {
		Shell.run("ip", "-n", this.bridge, "link", "set", host.port(), "up");
	}

	/**
	 * Drop a share of the packets a host sends and receives, at random (nftables).
	 * @param host the host
	 * @param percent the share dropped each way
	 */
	void loss(Host host, int percent) {
		assumeNftables();
		Shell.runWithInput(String.join("\n", "table inet lmloss {",
				"  chain in { type filter hook input priority filter; iifname \"eth0\" numgen random mod 100 < "
						+ percent + " counter drop; }",
				"  chain out { type filter hook output priority filter; oifname \"eth0\" numgen random mod 100 < "
						+ percent + " counter drop; }",
				"}", ""), "ip", "netns", "exec", host.namespace(), "nft", "-f", "-");
	}

	/**
	 * Count the packets a host's loss rules dropped.
	 * @param host the host
	 * @return the nftables ruleset with its counters
	 */
	String lossRules(Host host) {
		return Shell.output("ip", "netns", "exec", host.namespace(), "nft", "list", "table", "inet", "lmloss");
	}

	/**
	 * Start a node on a host and wait until it runs.
	 * @param host the host
	 * @param args {@link NetnsNode}'s arguments, {@code key=value}
	 * @return the node
	 */
	RigNode start(Host host, String... args) {
		RigNode node = RigNode.start(this, host, this.logs, List.of(args));
		this.nodes.add(node);
		currentLogs.add(node.log());
		return node;
	}

	/**
	 * Start a node that must fail to start.
	 * @param host the host
	 * @param args {@link NetnsNode}'s arguments
	 * @return the reason it printed
	 */
	String startFailing(Host host, String... args) {
		RigNode node = RigNode.launch(host, this.logs, List.of(args));
		this.nodes.add(node);
		currentLogs.add(node.log());
		return node.awaitFailure();
	}

	/**
	 * Write a host's {@code /etc/hosts}, as {@code ip netns exec} shows it to the
	 * processes it starts there ({@code /etc/netns/<namespace>/hosts}); rewritten in
	 * place, so running nodes see the change.
	 * @param host the host
	 * @param entries lines such as {@code 10.231.0.1 mesh-seeds}
	 */
	void hosts(Host host, String... entries) {
		Path file = Path.of("/etc/netns", host.namespace(), "hosts");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "127.0.0.1 localhost\n" + String.join("\n", entries) + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write " + file, ex);
		}
	}

	/**
	 * Run a shell command on a host.
	 * @param host the host
	 * @param command the command, for {@code bash -c}
	 * @return the exit code
	 */
	int exec(Host host, String command) {
		return Shell.exitCode("ip", "netns", "exec", host.namespace(), "bash", "-c", command);
	}

	/**
	 * Kill the nodes and delete every namespace of the rig.
	 */
	@Override
	public void close() {
		List.copyOf(this.nodes).forEach(RigNode::kill);
		for (int i = this.namespaces.size() - 1; i >= 0; i--) {
			delete(this.namespaces.get(i));
		}
	}

	private static void delete(String namespace) {
		Shell.quiet("ip", "netns", "del", namespace);
		Shell.quiet("rm", "-rf", "/etc/netns/" + namespace);
	}

	/**
	 * A test host.
	 *
	 * @param namespace its network namespace
	 * @param index its number, from 1
	 * @param ipv4 its IPv4 address
	 * @param ipv6 its IPv6 address
	 * @param port its link's end on the bridge (for a host behind the router, the
	 * router's)
	 */
	record Host(String namespace, int index, String ipv4, String ipv6, String port) {

		String seed() {
			return this.ipv4 + ":7070";
		}

	}

	/**
	 * Prints the logs of a failed test's nodes, which are kept under
	 * {@code target/netns}.
	 */
	static final class PrintLogsOnFailure implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			for (Path log : List.copyOf(currentLogs)) {
				try {
					System.out.println("===== " + log + " =====");
					System.out.println(Files.readString(log, StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					System.out.println("(cannot read " + log + ": " + ex.getMessage() + ")");
				}
			}
			currentLogs.clear();
		}

		@Override
		public void testSuccessful(ExtensionContext context) {
			currentLogs.clear();
		}

		@Override
		public void testAborted(ExtensionContext context, Throwable cause) {
			currentLogs.clear();
		}

	}

	static void awaitExit(Process process) {
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
