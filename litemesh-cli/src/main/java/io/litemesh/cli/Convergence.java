/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.litemesh.MeshNode;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;

/**
 * Waits until a transient member has seen enough of the mesh to answer a command. A
 * member links to every node checked in to its store, and each new neighbour sends it the
 * whole link-state database, so the view is complete once every node of the store's
 * registry is reachable. A registry entry of a node that died lingers until its lease
 * runs out, so a view that has stopped changing for a while counts as complete too.
 * <p>
 * A command that needs one thing (a provider of a service, a node) goes on as soon as it
 * is reachable.
 *
 * @author LiteMesh team
 */
final class Convergence {

	private static final Duration POLL = Duration.ofMillis(50);

	/**
	 * How long a view must stay unchanged to count as complete when the registry names a
	 * node that never answers: somewhat more than a node's check-in interval (1 s), in
	 * which every live node of the store sees the member and links back.
	 */
	static final Duration QUIET = Duration.ofMillis(1500);

	private final MeshNode node;

	private final MailboxStore store;

	private final String cluster;

	private final String storeDescription;

	Convergence(MeshNode node, MailboxStore store, String cluster, String storeDescription) {
		this.node = node;
		this.store = store;
		this.cluster = cluster;
		this.storeDescription = storeDescription;
	}

	/**
	 * Wait until the view is complete or has what the command wants.
	 * @param wanted what the command needs, such as a reachable provider of a service
	 * @param deadline the end of the command's time; when it comes with some of the mesh
	 * seen, the command goes on with that
	 * @throws CommandFailure ({@code NO_MESH}) when the deadline comes and no other node
	 * is reachable
	 */
	void await(Predicate<MeshSnapshot> wanted, Deadline deadline) {
		List<String> last = List.of();
		long unchangedSince = System.nanoTime();
		while (true) {
			MeshSnapshot view = this.node.snapshot();
			if (wanted.test(view)) {
				return;
			}
			Set<String> reachable = reachable(view);
			if (!reachable.isEmpty()) {
				List<String> fingerprint = fingerprint(view);
				if (!fingerprint.equals(last)) {
					last = fingerprint;
					unchangedSince = System.nanoTime();
				}
				if (reachable.containsAll(registered()) || System.nanoTime() - unchangedSince >= QUIET.toNanos()
						|| deadline.expired()) {
					return;
				}
			}
			else if (deadline.expired()) {
				throw noMesh(deadline);
			}
			pause();
		}
	}

	/**
	 * Return whether a node is reachable from the member.
	 * @param view the member's view
	 * @param nodeId the node
	 * @return {@code true} when a path leads to it
	 */
	static boolean reaches(MeshSnapshot view, String nodeId) {
		return view.nodes().stream().anyMatch((node) -> node.id().equals(nodeId) && node.hops() > 0);
	}

	/**
	 * Return whether a node the member reaches offers a service.
	 * @param view the member's view
	 * @param service the service
	 * @return {@code true} when a call can be routed
	 */
	static boolean offers(MeshSnapshot view, String service) {
		return view.nodes()
			.stream()
			.anyMatch((node) -> node.hops() > 0 && node.status() == NodeStatus.UP
					&& node.services().stream().anyMatch((offered) -> offered.name().equals(service)));
	}

	private static Set<String> reachable(MeshSnapshot view) {
		return view.nodes()
			.stream()
			.filter((node) -> node.hops() > 0)
			.map(NodeView::id)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<String> fingerprint(MeshSnapshot view) {
		return view.nodes()
			.stream()
			.map((node) -> node.id() + " " + node.status() + " " + node.hops() + " " + node.services().size())
			.toList();
	}

	private Set<String> registered() {
		return this.store.liveNodes(this.cluster)
			.stream()
			.map(RegistryEntry::nodeId)
			.filter((id) -> !id.equals(this.node.nodeId()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private CommandFailure noMesh(Deadline deadline) {
		Set<String> registered = registered();
		String hint = registered.isEmpty()
				? "; no node of cluster '" + this.cluster + "' is checked in there (check --cluster)"
				: "; nodes checked in there: " + registered + ", but none linked to this one (check --secret-file)";
		return new CommandFailure("NO_MESH", "Saw no node of cluster '" + this.cluster + "' through "
				+ this.storeDescription + " within " + Durations.format(deadline.timeout()) + hint);
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailure("INTERRUPTED", "Interrupted while joining the mesh");
		}
	}

}
