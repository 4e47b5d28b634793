/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.transport.memory.MemoryNetwork;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A mesh of nodes in one JVM for a test: starts them in a cluster of their own, waits
 * until they see each other, cuts and heals links, kills and restarts nodes, and stops
 * them all when closed.
 * <p>
 * {@link #inMemory()} links the nodes without sockets, through a {@link MemoryNetwork}:
 * no ports, a few threads for any number of nodes, and links that are cut at once. It is
 * the default to reach for, because what an application's test checks (its services,
 * called through the mesh, across relays and failures) does not depend on sockets.
 * {@link #tcp()} runs real TCP on loopback, for tests of what does: TLS, stock RSocket
 * clients, addresses. <pre class="code">
 * try (TestMesh mesh = TestMesh.inMemory()) {
 *     mesh.start("a");
 *     mesh.start("b", new Greeter());
 *     mesh.awaitConverged();
 *     String reply = mesh.template("a").request(Target.anycast("greeter"), "hello", "Ada", String.class).block();
 * }
 * </pre>
 *
 * @author LiteMesh team
 */
public final class TestMesh implements AutoCloseable {

	/** How long {@link #awaitConverged()} and the other waits wait by default. */
	public static final Duration CONVERGE = Duration.ofSeconds(15);

	/**
	 * A fast pace for durable transports: check in every 200 ms, a one-second lease,
	 * expiry sweeps every second.
	 */
	public static final MailboxTimings FAST_MAILBOX = new MailboxTimings(Duration.ofMillis(200), Duration.ofSeconds(1),
			Duration.ofMinutes(1), Duration.ofSeconds(1));

	private final @Nullable MemoryNetwork network;

	private final String cluster = "test-" + MeshNode.Builder.randomSuffix();

	private final List<MeshNode> nodes = new ArrayList<>();

	private final Map<String, Spec> specs = new ConcurrentHashMap<>();

	private final Set<String> edges = ConcurrentHashMap.newKeySet();

	private final Set<String> cuts = ConcurrentHashMap.newKeySet();

	private final Set<String> killing = ConcurrentHashMap.newKeySet();

	private volatile boolean restricted;

	private TestMesh(@Nullable MemoryNetwork network) {
		this.network = network;
	}

	/**
	 * Create a mesh whose nodes link in memory, through a network of their own.
	 * @return an empty mesh
	 */
	public static TestMesh inMemory() {
		return new TestMesh(new MemoryNetwork("test-" + MeshNode.Builder.randomSuffix()));
	}

	/**
	 * Create a mesh whose nodes link over TCP on loopback, each on an ephemeral port,
	 * joining through the first running node's address.
	 * @return an empty mesh
	 */
	public static TestMesh tcp() {
		return new TestMesh(null);
	}

	/**
	 * Restrict links to the edges {@link #allow allowed} from now on, for exact
	 * topologies such as chains, rings and islands.
	 * @return this mesh
	 */
	public TestMesh restricted() {
		this.restricted = true;
		return this;
	}

	/**
	 * Allow a link between two nodes of a {@link #restricted()} mesh, in either
	 * direction; same as {@link #heal} for a pair that was cut.
	 * @param a one node
	 * @param b the other
	 */
	public void allow(String a, String b) {
		heal(a, b);
	}

	/**
	 * Cut the link between two nodes, if they hold one, and keep them from linking until
	 * {@link #heal healed}; they may still reach each other through other nodes. In
	 * memory the link closes at once; over TCP within a dial period (100 ms).
	 * @param a one node
	 * @param b the other
	 */
	public void cut(String a, String b) {
		this.edges.remove(edge(a, b));
		this.cuts.add(edge(a, b));
		if (this.network != null) {
			this.network.cut(a, b);
		}
	}

	/**
	 * Let two nodes link again after a {@link #cut}; they link when their dialling policy
	 * wants the link (at once in a restricted mesh, where it is the only one).
	 * @param a one node
	 * @param b the other
	 */
	public void heal(String a, String b) {
		this.cuts.remove(edge(a, b));
		this.edges.add(edge(a, b));
		if (this.network != null) {
			this.network.heal(a, b);
		}
	}

	private static String edge(String a, String b) {
		return (a.compareTo(b) < 0) ? a + "|" + b : b + "|" + a;
	}

	private boolean mayLink(String local, String peer) {
		String edge = edge(local, peer);
		return (!this.restricted || this.edges.contains(edge)) && !this.cuts.contains(edge)
				&& !this.killing.contains(local) && !this.killing.contains(peer);
	}

	/**
	 * Start a node with the mesh's defaults: its own cluster, a five-second request
	 * timeout, and in memory the mesh's network with TCP off, over TCP an ephemeral
	 * loopback port and the first running node as its seed.
	 * @param nodeId the node's id, unique among the running nodes
	 * @param services beans annotated with {@link io.litemesh.MeshService} it offers
	 * @return the started node
	 */
	public MeshNode start(String nodeId, Object... services) {
		return start(nodeId, (builder) -> {
		}, services);
	}

	/**
	 * Start a node with the mesh's defaults and more settings of its own.
	 * @param nodeId the node's id, unique among the running nodes
	 * @param customizer changes the builder after the defaults are set, and again on
	 * {@link #restart}
	 * @param services beans annotated with {@link io.litemesh.MeshService} it offers
	 * @return the started node
	 */
	public MeshNode start(String nodeId, Consumer<MeshNode.Builder> customizer, Object... services) {
		Spec spec = new Spec(customizer, services.clone());
		this.specs.put(nodeId, spec);
		return launch(nodeId, spec);
	}

	private synchronized MeshNode launch(String nodeId, Spec spec) {
		MeshNode.Builder builder = MeshNode.builder().nodeId(nodeId);
		joining().accept(builder);
		spec.customizer().accept(builder);
		MeshNode node = builder.build();
		for (Object service : spec.services()) {
			node.registerAnnotatedService(service.getClass().getSimpleName(), service);
		}
		this.nodes.add(node);
		return node.start();
	}

	/**
	 * Return what makes a node built elsewhere join this mesh: its cluster, its network
	 * (in memory, with TCP off) or a seed (over TCP, on an ephemeral loopback port), the
	 * mesh's cuts and a 5 s request timeout. A Spring Boot application under test joins
	 * with a {@code MeshNodeBuilderCustomizer} bean made of it,
	 * {@code mesh.joining()::accept}, and is then a node of the mesh like any other,
	 * though {@link #awaitConverged()} waits only for the nodes this mesh started.
	 * @return the settings, to apply to a {@link MeshNode.Builder}
	 */
	public Consumer<MeshNode.Builder> joining() {
		return (builder) -> {
			builder.cluster(this.cluster).requestTimeout(Duration.ofSeconds(5)).linkFilter(this::mayLink);
			MemoryNetwork network = this.network;
			if (network != null) {
				// a cut healed is dialled again within a second, not after TCP's back-off
				builder.memoryNetwork(network).tcpEnabled(false).reconnectMaxBackoff(Duration.ofSeconds(1));
			}
			else {
				builder.tcpPort(0);
				running().stream()
					.filter((node) -> !node.addresses().isEmpty())
					.findFirst()
					.ifPresent((first) -> builder.seeds(List.of(first.addresses().get(0))));
			}
		};
	}

	/**
	 * Start a node that joins through the given neighbour and, in a {@link #restricted()}
	 * mesh, is allowed to link to it.
	 * @param nodeId the node's id
	 * @param neighbour the node to join through, {@code null} for none
	 * @param services the services it offers
	 * @return the started node
	 */
	public MeshNode startLinked(String nodeId, @Nullable MeshNode neighbour, Object... services) {
		if (neighbour != null) {
			allow(nodeId, neighbour.nodeId());
		}
		List<String> seeds = (neighbour != null) ? neighbour.addresses() : List.of();
		return start(nodeId, (builder) -> builder.seeds(seeds), services);
	}

	/**
	 * Start a node that reaches the others only through a shared directory.
	 * @param nodeId the node's id
	 * @param directory the shared directory
	 * @param services the services it offers
	 * @return the started node
	 */
	public MeshNode startFileOnly(String nodeId, Path directory, Object... services) {
		return start(nodeId, storeOnly(new FileMailboxStore(directory)), services);
	}

	/**
	 * Make a node reach the others only through a store: TCP off, no seeds, no in-memory
	 * network, {@link #FAST_MAILBOX} timings.
	 * @param store the store
	 * @return the builder customizer
	 */
	public static Consumer<MeshNode.Builder> storeOnly(MailboxStore store) {
		return (builder) -> builder.tcpEnabled(false)
			.memoryNetwork(null)
			.seeds(List.of())
			.mailboxStore(store)
			.mailboxTimings(FAST_MAILBOX);
	}

	/**
	 * Make a node share a durable store besides its links, with {@link #FAST_MAILBOX}
	 * timings.
	 * @param store the node's store
	 * @return the builder customizer
	 */
	public static Consumer<MeshNode.Builder> sharing(MailboxStore store) {
		return (builder) -> builder.mailboxStore(store).mailboxTimings(FAST_MAILBOX);
	}

	/**
	 * Return the running node of an id.
	 * @param nodeId the id
	 * @return the node
	 * @throws java.util.NoSuchElementException when no node of that id runs
	 */
	public MeshNode node(String nodeId) {
		return running().stream().filter((node) -> node.nodeId().equals(nodeId)).findFirst().orElseThrow();
	}

	/**
	 * Return every node started, running or stopped, in the order they started.
	 * @return the nodes
	 */
	public synchronized List<MeshNode> nodes() {
		return Collections.unmodifiableList(new ArrayList<>(this.nodes));
	}

	private List<MeshNode> running() {
		return nodes().stream().filter(MeshNode::isRunning).toList();
	}

	/**
	 * Return a template that calls through a running node.
	 * @param nodeId the node
	 * @return its template
	 */
	public MeshTemplate template(String nodeId) {
		return new MeshTemplate(node(nodeId));
	}

	/**
	 * Return a template that calls through a node.
	 * @param node the node
	 * @return its template
	 */
	public static MeshTemplate template(MeshNode node) {
		return new MeshTemplate(node);
	}

	/**
	 * Return the mesh as a running node sees it.
	 * @param nodeId the node
	 * @return its snapshot: nodes, links, services
	 */
	public MeshSnapshot snapshot(String nodeId) {
		return node(nodeId).snapshot();
	}

	/**
	 * Wait until every running node sees every running node, itself included, as up, and
	 * no other, for at most {@link #CONVERGE}.
	 */
	public void awaitConverged() {
		awaitConverged(CONVERGE);
	}

	/**
	 * Wait until every running node sees every running node as up, and no other.
	 * @param atMost how long to wait before failing
	 */
	public void awaitConverged(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
			List<MeshNode> running = running();
			List<String> ids = running.stream().map(MeshNode::nodeId).sorted().toList();
			return running.stream().allMatch((node) -> upNodes(node).equals(ids));
		});
	}

	/**
	 * Wait until each of the given nodes sees exactly the given nodes as up.
	 * @param nodes the nodes to ask
	 * @param ids the ids each must see
	 */
	public static void awaitUp(List<MeshNode> nodes, List<String> ids) {
		List<String> sorted = ids.stream().sorted().toList();
		await().atMost(CONVERGE).until(() -> nodes.stream().allMatch((node) -> upNodes(node).equals(sorted)));
	}

	/**
	 * Return the nodes a node sees as up.
	 * @param node the node
	 * @return their ids, sorted, the node's own included
	 */
	public static List<String> upNodes(MeshNode node) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.status() == NodeStatus.UP)
			.map(NodeView::id)
			.sorted()
			.toList();
	}

	/**
	 * Stop a node gracefully: it tells its neighbours it leaves.
	 * @param nodeId the running node
	 */
	public void stop(String nodeId) {
		node(nodeId).stop();
	}

	/**
	 * Kill a node: its links drop without a word, as when its process dies, so the others
	 * learn it is gone only from its links going down and its advertisement ageing out.
	 * Then its resources are released.
	 * @param nodeId the running node
	 */
	public void kill(String nodeId) {
		MeshNode node = node(nodeId);
		this.killing.add(nodeId);
		try {
			MemoryNetwork network = this.network;
			if (network != null) {
				network.isolate(nodeId);
			}
			// over TCP the link filter refuses the node now, so its links close
			// within a dial period
			await().atMost(CONVERGE).until(() -> node.statistics().links() == 0);
			node.stop();
		}
		finally {
			if (this.network != null) {
				this.network.rejoin(nodeId);
			}
			this.killing.remove(nodeId);
		}
	}

	/**
	 * Start a node again, with the settings and services it was first started with: a new
	 * incarnation of the same id. A running node is stopped gracefully first.
	 * @param nodeId a node started by this mesh
	 * @return the new node
	 */
	public MeshNode restart(String nodeId) {
		Spec spec = this.specs.get(nodeId);
		if (spec == null) {
			throw new IllegalArgumentException("No node '" + nodeId + "' was started in this mesh");
		}
		running().stream().filter((node) -> node.nodeId().equals(nodeId)).forEach(MeshNode::stop);
		return launch(nodeId, spec);
	}

	/**
	 * Return the cluster of this mesh's nodes, for nodes started elsewhere.
	 * @return the cluster name
	 */
	public String cluster() {
		return this.cluster;
	}

	/**
	 * Return the in-memory network of this mesh.
	 * @return the network, {@code null} for a TCP mesh
	 */
	public @Nullable MemoryNetwork network() {
		return this.network;
	}

	/**
	 * Stop every running node, last started first, and close the in-memory network.
	 */
	@Override
	public void close() {
		List<MeshNode> started = nodes();
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).stop();
		}
		if (this.network != null) {
			this.network.close();
		}
	}

	private record Spec(Consumer<MeshNode.Builder> customizer, Object[] services) {
	}

}
