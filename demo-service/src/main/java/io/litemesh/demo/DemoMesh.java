/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.litemesh.MeshNode;
import io.litemesh.actuate.ui.MeshGraphPage;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import io.litemesh.view.ServiceInfo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the nodes of the demo, each one a Spring Boot application of
 * {@link DemoApplication}: all four in this JVM, or the one that {@code demo.node} names.
 * Both {@link DemoApplication#main main} and the tests start the demo through this class,
 * so the tests prove the quick start.
 * <p>
 * The gateway starts first; the other TCP nodes join the mesh through its TCP address,
 * read from the running node when it is in this JVM, so that free ports ({@code 0}) work
 * too. The warehouse has TCP off and joins through the database the nodes share.
 *
 * @author LiteMesh team
 */
public final class DemoMesh implements AutoCloseable {

	private static final String LOOPBACK = "127.0.0.1";

	private static final String ROW = "   %-10s %-23s %-23s %s";

	private static final Set<String> ALL_NODES = Arrays.stream(DemoNode.values())
		.map(DemoNode::id)
		.collect(Collectors.toUnmodifiableSet());

	private final DemoSettings settings;

	private final @Nullable DemoCertificates certificates;

	private final Map<DemoNode, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

	private final long startedAt = System.nanoTime();

	private volatile @Nullable Duration formedAfter;

	private DemoMesh(DemoSettings settings) {
		this.settings = settings;
		this.certificates = settings.tls() ? DemoCertificates.create() : null;
	}

	/**
	 * Start the demo as the command-line arguments and environment say.
	 * @param args the command-line arguments, passed on to every node
	 * @return the running demo
	 * @see DemoSettings#from(String...)
	 */
	public static DemoMesh start(String... args) {
		return start(DemoSettings.from(args), args);
	}

	/**
	 * Start the demo.
	 * @param settings which nodes to run and on which ports
	 * @param args command-line arguments passed on to every node, such as
	 * {@code --logging.level.io.litemesh=debug}
	 * @return the running demo
	 */
	public static DemoMesh start(DemoSettings settings, String... args) {
		DemoMesh mesh = new DemoMesh(settings);
		DemoNode single = settings.singleNode();
		List<DemoNode> nodes = (single != null) ? List.of(single) : List.of(DemoNode.values());
		try {
			for (DemoNode node : nodes) {
				mesh.startNode(node, args);
			}
		}
		catch (RuntimeException ex) {
			mesh.close();
			throw ex;
		}
		return mesh;
	}

	private void startNode(DemoNode node, String[] args) {
		String seed = (node != DemoNode.GATEWAY) ? gatewaySeed() : null;
		Map<String, Object> properties = node.properties(this.settings.httpPort(node), this.settings.tcpPort(node),
				seed);
		DemoCertificates certificates = this.certificates;
		if (certificates != null && !node.databaseOnly()) {
			properties.putAll(certificates.bundleProperties(node));
			// client certificates would open the default bind to every interface: the
			// demo stays on loopback
			properties.put("litemesh.tcp.bind-address", LOOPBACK);
		}
		// Default properties: application.yaml does not set these keys, and arguments win
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
			.main(DemoApplication.class)
			.properties(properties)
			.run(args);
		this.contexts.put(node, context);
	}

	private @Nullable String gatewaySeed() {
		ConfigurableApplicationContext gateway = this.contexts.get(DemoNode.GATEWAY);
		if (gateway != null) {
			List<String> addresses = meshNode(gateway).addresses();
			return addresses.isEmpty() ? null : addresses.get(0).substring("tcp://".length());
		}
		// The gateway runs in another JVM: it can only be found on a known port
		int port = this.settings.tcpPort(DemoNode.GATEWAY);
		return (port != 0) ? LOOPBACK + ":" + port : null;
	}

	/**
	 * Return the nodes running in this JVM.
	 * @return the nodes, in the order they started
	 */
	public List<DemoNode> nodes() {
		return List.copyOf(this.contexts.keySet());
	}

	/**
	 * Return the application context of a node running in this JVM.
	 * @param node the node
	 * @return its context
	 * @throws IllegalArgumentException when the node does not run in this JVM
	 */
	public ConfigurableApplicationContext context(DemoNode node) {
		ConfigurableApplicationContext context = this.contexts.get(node);
		if (context == null) {
			throw new IllegalArgumentException("Node " + node.id() + " does not run in this JVM; it runs "
					+ this.contexts.keySet().stream().map(DemoNode::id).toList());
		}
		return context;
	}

	/**
	 * Return the base URL of a node's HTTP server.
	 * @param node the node
	 * @return a URL such as {@code http://127.0.0.1:8080}; for a node in another JVM on a
	 * free port, one with the port left for the reader to fill in
	 */
	public String httpUrl(DemoNode node) {
		ConfigurableApplicationContext context = this.contexts.get(node);
		if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return "http://" + LOOPBACK + ":" + web.getWebServer().getPort();
		}
		int port = this.settings.httpPort(node);
		return "http://" + LOOPBACK + ":" + ((port != 0) ? String.valueOf(port) : "<" + node.id() + "-port>");
	}

	/**
	 * Return whether the mesh has formed: every node in this JVM sees all the demo nodes
	 * up.
	 * @return {@code true} once the mesh has formed
	 */
	public boolean isFormed() {
		boolean formed = !this.contexts.isEmpty()
				&& this.contexts.values().stream().allMatch((context) -> upNodes(context).containsAll(expectedNodes()));
		if (formed && this.formedAfter == null) {
			this.formedAfter = Duration.ofNanos(System.nanoTime() - this.startedAt);
		}
		return formed;
	}

	/**
	 * Wait, up to {@code demo.formation-timeout}, for the mesh to form.
	 * @return {@code true} when it formed, {@code false} when the time ran out
	 */
	public boolean awaitFormed() {
		return Boolean.TRUE
			.equals(formed().thenReturn(true).timeout(this.settings.formationTimeout(), Mono.just(false)).block());
	}

	/**
	 * Watch for the mesh to form.
	 * @return a {@code Mono} that completes once {@link #isFormed()}
	 */
	public Mono<Void> formed() {
		return Flux.interval(Duration.ZERO, Duration.ofMillis(100)).filter((tick) -> isFormed()).next().then();
	}

	/**
	 * Describe the running demo: its nodes, where to look at the mesh, and a call to try.
	 * @return the banner, several lines
	 */
	public String banner() {
		DemoNode observer = this.contexts.containsKey(DemoNode.GATEWAY) ? DemoNode.GATEWAY : nodes().get(0);
		MeshNode meshNode = meshNode(context(observer));
		// In the order of DemoNode, any stranger that joined the cluster last
		List<NodeView> views = meshNode.snapshot()
			.nodes()
			.stream()
			.sorted(Comparator.comparingInt((NodeView view) -> order(view.id())).thenComparing(NodeView::id))
			.toList();
		long up = views.stream().filter((view) -> view.status() == NodeStatus.UP).count();
		String observerUrl = httpUrl(observer);
		List<String> lines = new ArrayList<>();
		lines.add(headline(observer, up));
		lines.add("");
		lines.add(String.format(ROW, "node", "http", "mesh", "services"));
		for (NodeView view : views) {
			String mesh = view.addresses().isEmpty() ? "(database only)" : String.join(" ", view.addresses());
			lines.add(String.format(ROW, view.id(), httpUrlOf(view.id()), mesh, services(view)));
		}
		lines.add("");
		DemoCertificates certificates = this.certificates;
		if (certificates != null) {
			lines.add(" Mesh links are mutual TLS: SSL bundle '" + DemoCertificates.BUNDLE
					+ "', certificates of a throwaway CA in " + certificates.directory());
		}
		lines.add(" The mesh as " + observer.id() + " sees it (Actuator):");
		lines.add("   " + observerUrl + "/actuator/mesh");
		lines.add("   " + observerUrl + "/actuator/health");
		// Another node than the observer, to show that its state comes through the mesh
		DemoNode other = (observer != DemoNode.CATALOG_1) ? DemoNode.CATALOG_1 : DemoNode.CATALOG_2;
		lines.add("   " + observerUrl + "/actuator/mesh/" + other.id());
		MeshGraphPage graphPage = context(observer).getBeanProvider(MeshGraphPage.class).getIfAvailable();
		if (graphPage != null) {
			lines.add(" The same as a live graph, in a browser:");
			lines.add("   " + observerUrl + graphPage.getPath());
		}
		lines.add(" Try it:");
		lines.add("   curl " + httpUrl(DemoNode.GATEWAY) + "/products/sku-1");
		lines.add("   curl " + httpUrl(DemoNode.GATEWAY) + "/stock/sku-1"
				+ "     (warehouse: no TCP port, reached through the database only)");
		lines.add(" More on the gateway: GET /products?region=eu, /nodes/catalog-2/products, /catalog/nodes,");
		lines.add("   /prices/sku-1/stream (curl -N), POST /cache/invalidate/sku-1");
		lines.add(" Ctrl+C stops "
				+ ((this.contexts.size() == 1) ? "the node." : "all " + this.contexts.size() + " nodes."));
		int width = lines.stream().mapToInt(String::length).max().orElse(0) + 1;
		String rule = "=".repeat(Math.min(width, 100));
		return "\n" + rule + "\n" + String.join("\n", lines) + "\n" + rule + "\n";
	}

	private String headline(DemoNode observer, long up) {
		Duration formedAfter = this.formedAfter;
		String where = (this.contexts.size() == 1) ? "LiteMesh demo, node " + observer.id() + " in this JVM"
				: "LiteMesh demo, " + this.contexts.size() + " nodes in this JVM";
		if (formedAfter != null) {
			return " " + where + ": all " + expectedNodes().size() + " nodes up and meshed, "
					+ String.format(Locale.ROOT, "%.1f s", formedAfter.toMillis() / 1000.0) + " after start";
		}
		return " " + where + ": mesh NOT formed yet, " + up + " of " + expectedNodes().size()
				+ " nodes up (start the missing ones, or check the log)";
	}

	/**
	 * The nodes the mesh needs before it counts as formed. The warehouse shares the
	 * others' in-memory database only inside one JVM, so a node started on its own waits
	 * for the TCP nodes alone, unless it is the warehouse itself (which then needs a
	 * shared database).
	 */
	private Set<String> expectedNodes() {
		DemoNode single = this.settings.singleNode();
		return Arrays.stream(DemoNode.values())
			.filter((node) -> single == null || single == node || !node.databaseOnly())
			.map(DemoNode::id)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static int order(String nodeId) {
		return ALL_NODES.contains(nodeId) ? DemoNode.of(nodeId).ordinal() : Integer.MAX_VALUE;
	}

	private String httpUrlOf(String nodeId) {
		return ALL_NODES.contains(nodeId) ? httpUrl(DemoNode.of(nodeId)) : "-";
	}

	private static String services(NodeView view) {
		if (view.status() != NodeStatus.UP) {
			return view.status().name();
		}
		if (view.services().isEmpty()) {
			return "-";
		}
		return view.services().stream().map(DemoMesh::service).collect(Collectors.joining(", "));
	}

	private static String service(ServiceInfo service) {
		return service.tags().isEmpty() ? service.name() : service.name() + " " + new TreeMap<>(service.tags());
	}

	private static Set<String> upNodes(ConfigurableApplicationContext context) {
		if (!context.isActive()) {
			return Set.of();
		}
		return meshNode(context).snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.status() == NodeStatus.UP)
			.map(NodeView::id)
			.collect(Collectors.toSet());
	}

	private static MeshNode meshNode(ConfigurableApplicationContext context) {
		return context.getBean(MeshNode.class);
	}

	/**
	 * Stop every node of this JVM, the gateway last.
	 */
	@Override
	public void close() {
		List<ConfigurableApplicationContext> running = new ArrayList<>(this.contexts.values());
		Collections.reverse(running);
		running.forEach(ConfigurableApplicationContext::close);
	}

}
