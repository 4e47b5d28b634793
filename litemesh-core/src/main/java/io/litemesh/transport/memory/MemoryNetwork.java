/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A network that the nodes of one JVM join to link to each other in memory, without
 * sockets: a node built with {@code MeshNode.builder().memoryNetwork(network)} is
 * reachable at {@code memory://<network>/<nodeId>}, and its links behave as TCP links do
 * (the same dialling policy, link bound and RSocket interactions), delivered
 * asynchronously on a few threads the network owns. Those threads also run the periodic
 * tasks of its nodes unless a node is given a scheduler of its own, so a thousand nodes
 * need no more threads than three.
 * <p>
 * Many networks may exist in one JVM, independent of each other. For tests a network also
 * {@link #cut cuts} and {@link #heal heals} links and {@link #isolate isolates} nodes, as
 * a firewall would. Close it once its nodes stopped.
 *
 * @author LiteMesh team
 */
public final class MemoryNetwork implements AutoCloseable {

	/** How the addresses of in-memory nodes start. */
	public static final String SCHEME = "memory://";

	/** Threads of a network by default. */
	public static final int DEFAULT_THREADS = 3;

	/** Most cut pairs and isolated nodes a network holds at once. */
	static final int MAX_RULES = 100_000;

	/** Most requests waiting in one direction of one link. */
	static final int MAX_QUEUED = 100_000;

	/** Seeds a joining node is given when it names none. */
	private static final int SEEDS = 3;

	private static final Log logger = LogFactory.getLog(MemoryNetwork.class);

	private final String name;

	private final Scheduler scheduler;

	private final Map<String, MemoryTransport> members = new ConcurrentHashMap<>();

	private final Set<String> cuts = ConcurrentHashMap.newKeySet();

	private final Set<String> isolated = ConcurrentHashMap.newKeySet();

	private final Set<MemoryConnection> connections = ConcurrentHashMap.newKeySet();

	/**
	 * Create a network with {@link #DEFAULT_THREADS} threads.
	 * @param name the network's name, part of its nodes' addresses
	 */
	public MemoryNetwork(String name) {
		this(name, DEFAULT_THREADS);
	}

	/**
	 * Create a network.
	 * @param name the network's name, part of its nodes' addresses: letters, digits,
	 * {@code .}, {@code _} or {@code -}
	 * @param threads how many threads deliver its messages and run its nodes' periodic
	 * tasks, from 1 to 64
	 */
	public MemoryNetwork(String name, int threads) {
		if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("'name' must be letters, digits, '.', '_' or '-', but was "
					+ ((name != null) ? "'" + name + "'" : "null"));
		}
		if (threads < 1 || threads > 64) {
			throw new IllegalArgumentException("'threads' must be between 1 and 64, but was " + threads);
		}
		this.name = name;
		this.scheduler = Schedulers.newParallel("litemesh-memory-" + name, threads, true);
	}

	/**
	 * Return the network's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the address of a node in this network.
	 * @param nodeId the node
	 * @return {@code memory://<network>/<nodeId>}
	 */
	public String address(String nodeId) {
		return SCHEME + this.name + "/" + nodeId;
	}

	/**
	 * Return the scheduler the network delivers on, which its nodes share for their
	 * periodic tasks unless given their own.
	 * @return the network's scheduler; the network disposes it when it closes
	 */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Return the nodes in the network now.
	 * @return their ids, sorted
	 */
	public Set<String> members() {
		return Collections.unmodifiableSet(new TreeSet<>(this.members.keySet()));
	}

	/**
	 * Return the open links, each once.
	 * @return the links, sorted, each from the node that dialled to the node it dialled
	 */
	public List<Edge> links() {
		List<Edge> edges = new ArrayList<>();
		for (MemoryConnection connection : this.connections) {
			if (!connection.isClosed()) {
				edges.add(new Edge(connection.dialler(), connection.dialled()));
			}
		}
		edges.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to));
		return edges;
	}

	/**
	 * Return the nodes a node holds an open link to.
	 * @param nodeId the node
	 * @return the neighbours' ids, sorted
	 */
	public Set<String> neighbours(String nodeId) {
		Set<String> neighbours = new TreeSet<>();
		for (MemoryConnection connection : this.connections) {
			if (!connection.isClosed() && connection.joins(nodeId)) {
				neighbours.add(connection.dialler().equals(nodeId) ? connection.dialled() : connection.dialler());
			}
		}
		return neighbours;
	}

	/**
	 * Cut the link between two nodes, if they hold one, and refuse to link them again
	 * until {@link #heal healed}: both nodes see their link go down, as if a firewall
	 * dropped their connection, and each may still reach the other through other nodes.
	 * @param a one node
	 * @param b the other
	 */
	public void cut(String a, String b) {
		synchronized (this) {
			checkRoom(this.cuts.size());
			this.cuts.add(pair(a, b));
		}
		closeWhere((connection) -> connection.joins(a) && connection.joins(b));
	}

	/**
	 * Allow two nodes to link again; their diallers link them when their policy wants it.
	 * @param a one node
	 * @param b the other
	 */
	public void heal(String a, String b) {
		this.cuts.remove(pair(a, b));
	}

	/**
	 * Cut every link of a node, and refuse its links until it {@link #rejoin rejoins}:
	 * the node is alone, its neighbours see it disappear without a word.
	 * @param nodeId the node
	 */
	public void isolate(String nodeId) {
		synchronized (this) {
			checkRoom(this.isolated.size());
			this.isolated.add(nodeId);
		}
		closeWhere((connection) -> connection.joins(nodeId));
	}

	/**
	 * Let an isolated node link again.
	 * @param nodeId the node
	 */
	public void rejoin(String nodeId) {
		this.isolated.remove(nodeId);
	}

	/**
	 * Close the network's open links and release its threads: call once its nodes
	 * stopped.
	 */
	@Override
	public void close() {
		closeWhere((connection) -> true);
		this.scheduler.dispose();
	}

	@Override
	public String toString() {
		return "MemoryNetwork[" + this.name + ", " + this.members.size() + " nodes]";
	}

	private void checkRoom(int held) {
		if (held >= MAX_RULES) {
			throw new IllegalStateException("Memory network " + this.name + " already holds " + MAX_RULES
					+ " cuts or isolated nodes; heal some first");
		}
	}

	private void closeWhere(Predicate<MemoryConnection> which) {
		for (MemoryConnection connection : this.connections) {
			if (which.test(connection)) {
				connection.close();
			}
		}
	}

	private static String pair(String a, String b) {
		return (a.compareTo(b) < 0) ? a + "\n" + b : b + "\n" + a;
	}

	private boolean isBlocked(String a, String b) {
		return this.isolated.contains(a) || this.isolated.contains(b) || this.cuts.contains(pair(a, b));
	}

	void join(MemoryTransport node) {
		MemoryTransport previous = this.members.putIfAbsent(node.nodeId(), node);
		if (previous != null) {
			throw new IllegalStateException("Memory network " + this.name + " already has a node " + node.nodeId()
					+ "; stop it before starting another with that id");
		}
	}

	void leave(MemoryTransport node) {
		this.members.remove(node.nodeId(), node);
		closeWhere((connection) -> connection.joins(node.nodeId()));
	}

	/**
	 * Return a few members for a node that names no seeds to join through.
	 * @param nodeId the joining node
	 * @return addresses of up to three other members, chosen at random
	 */
	List<String> seedsFor(String nodeId) {
		List<String> others = new ArrayList<>(this.members.keySet());
		others.remove(nodeId);
		Collections.shuffle(others);
		return others.stream().limit(SEEDS).map(this::address).toList();
	}

	Lane lane(String name) {
		return new Lane(this.name + ":" + name, this.scheduler, MAX_QUEUED);
	}

	/**
	 * Link a node to the node at an address, registering both ends; asynchronous, as a
	 * dial is.
	 * @param from the dialling node
	 * @param address the address dialled
	 * @return the id of the node reached; an error when it is not in this network or the
	 * link is cut
	 */
	Mono<String> connect(MemoryTransport from, String address) {
		return Mono.fromCallable(() -> connectNow(from, address)).subscribeOn(this.scheduler);
	}

	private String connectNow(MemoryTransport from, String address) throws ConnectException {
		String prefix = address("");
		if (!address.startsWith(prefix)) {
			throw new ConnectException("Address " + address + " is not in memory network " + this.name);
		}
		String peerId = address.substring(prefix.length());
		MemoryConnection connection;
		MemoryTransport to;
		synchronized (this) {
			to = this.members.get(peerId);
			if (to == null) {
				throw new ConnectException("No node " + peerId + " in memory network " + this.name);
			}
			if (to == from) {
				return peerId;
			}
			if (isBlocked(from.nodeId(), peerId)) {
				throw new ConnectException(
						"The link " + from.nodeId() + "<->" + peerId + " is cut in memory network " + this.name);
			}
			connection = new MemoryConnection(this, from, to);
			this.connections.add(connection);
		}
		connection.onClose().subscribe(null, null, () -> this.connections.remove(connection));
		logger.trace("Memory network " + this.name + " links " + connection);
		// the dialled node registers first, as a TCP server does before the dialler
		// finishes its handshake
		if (!to.accept(connection.dialledEnd()) || !from.accept(connection.diallerEnd())) {
			connection.close();
		}
		return peerId;
	}

	/**
	 * A link between two nodes.
	 *
	 * @param from the node that dialled
	 * @param to the node it dialled
	 */
	public record Edge(String from, String to) {
	}

}
