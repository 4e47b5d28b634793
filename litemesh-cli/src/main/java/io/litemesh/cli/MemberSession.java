/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.view.MeshDescription;
import io.litemesh.view.NodeState;
import io.litemesh.view.NodeStateDescription;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The mesh through a shared database or directory, for the length of one command: the CLI
 * joins as a transient member with TCP off and no services, waits until it sees the mesh,
 * asks through its own node (the same documents and calls a stock client gets), and
 * leaves. Leaving is graceful: the member tells its neighbours and checks out, so it does
 * not linger in anybody's view.
 *
 * @author LiteMesh team
 */
final class MemberSession implements MeshAccess {

	private final MeshNode node;

	private final MeshTemplate template;

	private final SharedStore store;

	private final Convergence convergence;

	private final Deadline deadline;

	private final AtomicBoolean closed = new AtomicBoolean();

	private MemberSession(MeshNode node, SharedStore store, String cluster, Deadline deadline) {
		this.node = node;
		this.template = new MeshTemplate(node);
		this.store = store;
		this.convergence = new Convergence(node, store.mailboxStore(), cluster, store.description());
		this.deadline = deadline;
	}

	/**
	 * Join the mesh through a store.
	 * @param store the database or directory the mesh shares
	 * @param cluster the cluster
	 * @param secret the cluster's secret, {@code null} for none
	 * @param deadline the end of the command's time
	 * @return the session, its node started
	 */
	static MemberSession join(SharedStore store, String cluster, @Nullable String secret, Deadline deadline) {
		MeshNode node;
		try {
			node = MeshNode.builder()
				.nodeId("cli-" + MeshNode.Builder.randomSuffix())
				.cluster(cluster)
				.tcpEnabled(false)
				.seeds(List.of())
				.secret(secret)
				.requestTimeout(deadline.timeout())
				.jsonMapper(Json.MAPPER)
				.mailboxStore(store.mailboxStore())
				.build();
		}
		catch (RuntimeException ex) {
			store.close();
			throw CommandFailure.usage(ex.getMessage());
		}
		MemberSession session = new MemberSession(node, store, cluster, deadline);
		try {
			node.start();
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
		return session;
	}

	@Override
	public JsonNode snapshot() {
		this.convergence.await((view) -> false, this.deadline);
		return Json.tree(MeshDescription.of(this.node.snapshot()));
	}

	@Override
	public JsonNode node(String nodeId) {
		this.convergence.await((view) -> Convergence.reaches(view, nodeId), this.deadline);
		NodeState state = this.node.nodeState(nodeId).timeout(this.deadline.remaining()).block();
		if (state == null) {
			throw new CommandFailure("NO_ROUTE", "Node '" + nodeId + "' did not answer");
		}
		return Json.tree(NodeStateDescription.of(state));
	}

	@Override
	public @Nullable JsonNode call(Route route, @Nullable JsonNode payload) {
		awaitProvider(route);
		return this.template.request(Target.anycast(route.service()), route.endpoint(), payload, JsonNode.class)
			.timeout(this.deadline.remaining())
			.block();
	}

	@Override
	public void send(Route route, @Nullable JsonNode payload) {
		awaitProvider(route);
		// completes once the message is in the first hop's hands or its mailbox
		this.template.send(Target.anycast(route.service()), route.endpoint(), payload)
			.timeout(this.deadline.remaining())
			.block();
	}

	@Override
	public Flux<JsonNode> stream(Route route, @Nullable JsonNode payload) {
		awaitProvider(route);
		return this.template.stream(Target.anycast(route.service()), route.endpoint(), payload, JsonNode.class);
	}

	private void awaitProvider(Route route) {
		this.convergence.await((view) -> Convergence.offers(view, route.service()), this.deadline);
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.node.stop();
			}
			finally {
				this.store.close();
			}
		}
	}

}
