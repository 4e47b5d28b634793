/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;

import static org.awaitility.Awaitility.await;

/**
 * Starts nodes on loopback for a test and stops them all afterwards.
 *
 * @author LiteMesh team
 */
final class TestMesh implements AutoCloseable {

	static final Duration CONVERGE = Duration.ofSeconds(15);

	/**
	 * A fast pace for durable transports: check in every 200 ms, a one-second lease,
	 * expiry sweeps every second.
	 */
	static final MailboxTimings FAST_MAILBOX = new MailboxTimings(Duration.ofMillis(200), Duration.ofSeconds(1),
			Duration.ofMinutes(1), Duration.ofSeconds(1));

	private final List<MeshNode> nodes = new ArrayList<>();

	private final String cluster = "test-" + MeshNode.Builder.randomSuffix();

	private final Set<String> edges = ConcurrentHashMap.newKeySet();

	private volatile boolean restricted;

	/**
	 * Restrict links to the edges {@link #allow allowed} from now on, for exact
	 * topologies.
	 * @return this mesh
	 */
	TestMesh restricted() {
		this.restricted = true;
		return this;
	}

	/**
	 * Allow a link between two nodes, in either direction.
	 * @param a one node
	 * @param b the other
	 */
	void allow(String a, String b) {
		this.edges.add(edge(a, b));
	}

	/**
	 * Forbid a link: the nodes close it if they hold it.
	 * @param a one node
	 * @param b the other
	 */
	void cut(String a, String b) {
		this.edges.remove(edge(a, b));
	}

	private static String edge(String a, String b) {
		return (a.compareTo(b) < 0) ? a + "|" + b : b + "|" + a;
	}

	/**
	 * Start a node that joins through the given neighbour, which it is allowed to link
	 * to.
	 * @param nodeId the node id
	 * @param neighbour the node to join through, {@code null} for none
	 * @param services the services it offers
	 * @return the started node
	 */
	MeshNode startLinked(String nodeId, MeshNode neighbour, Object... services) {
		if (neighbour != null) {
			allow(nodeId, neighbour.nodeId());
		}
		return start(nodeId, (builder) -> builder.seeds((neighbour != null) ? neighbour.addresses() : List.of()),
				services);
	}

	MeshNode node(String nodeId) {
		return this.nodes.stream()
			.filter((node) -> node.nodeId().equals(nodeId) && node.isRunning())
			.findFirst()
			.orElseThrow();
	}

	MeshNode start(String nodeId, Consumer<MeshNode.Builder> customizer, Object... services) {
		MeshNode.Builder builder = MeshNode.builder()
			.nodeId(nodeId)
			.cluster(this.cluster)
			.tcpPort(0)
			.requestTimeout(Duration.ofSeconds(5));
		if (!this.nodes.isEmpty() && !this.nodes.get(0).addresses().isEmpty()) {
			builder.seeds(List.of(this.nodes.get(0).addresses().get(0)));
		}
		builder.linkFilter((local, peer) -> !this.restricted || this.edges.contains(edge(local, peer)));
		customizer.accept(builder);
		MeshNode node = builder.build();
		for (Object service : services) {
			node.registerAnnotatedService(service.getClass().getSimpleName(), service);
		}
		this.nodes.add(node);
		return node.start();
	}

	MeshNode start(String nodeId, Object... services) {
		return start(nodeId, (builder) -> {
		}, services);
	}

	/**
	 * Start a node that reaches the others only through a shared directory: TCP off, no
	 * seeds.
	 * @param nodeId the node id
	 * @param directory the shared directory
	 * @param services the services it offers
	 * @return the started node
	 */
	MeshNode startFileOnly(String nodeId, Path directory, Object... services) {
		return start(nodeId, storeOnly(new FileMailboxStore(directory)), services);
	}

	/**
	 * Make a node reach the others only through a store: TCP off, no seeds.
	 * @param store the store
	 * @return the builder customizer
	 */
	static Consumer<MeshNode.Builder> storeOnly(MailboxStore store) {
		return (builder) -> builder.tcpEnabled(false).seeds(List.of()).mailboxStore(store).mailboxTimings(FAST_MAILBOX);
	}

	/**
	 * Share a durable store besides TCP, with timings for tests.
	 * @param store the node's store
	 * @return the customizer
	 */
	static Consumer<MeshNode.Builder> sharing(MailboxStore store) {
		return (builder) -> builder.mailboxStore(store).mailboxTimings(FAST_MAILBOX);
	}

	static MeshTemplate template(MeshNode node) {
		return new MeshTemplate(node);
	}

	/**
	 * Wait until every running node sees every other running node as up.
	 */
	void awaitConverged() {
		List<MeshNode> running = this.nodes.stream().filter(MeshNode::isRunning).toList();
		List<String> ids = running.stream().map(MeshNode::nodeId).sorted().toList();
		await().atMost(CONVERGE).until(() -> running.stream().allMatch((node) -> upNodes(node).equals(ids)));
	}

	/**
	 * Wait until each of the given nodes sees exactly the given nodes as up.
	 * @param nodes the nodes to ask
	 * @param ids the ids each must see
	 */
	static void awaitUp(List<MeshNode> nodes, List<String> ids) {
		List<String> sorted = ids.stream().sorted().toList();
		await().atMost(CONVERGE).until(() -> nodes.stream().allMatch((node) -> upNodes(node).equals(sorted)));
	}

	static List<String> upNodes(MeshNode node) {
		return node.snapshot()
			.nodes()
			.stream()
			.filter((view) -> view.status() == NodeStatus.UP)
			.map(NodeView::id)
			.sorted()
			.toList();
	}

	/**
	 * Return the cluster of this mesh's nodes, for nodes started elsewhere.
	 * @return the cluster name
	 */
	String cluster() {
		return this.cluster;
	}

	List<MeshNode> nodes() {
		return this.nodes;
	}

	@Override
	public void close() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).stop();
		}
	}

}
