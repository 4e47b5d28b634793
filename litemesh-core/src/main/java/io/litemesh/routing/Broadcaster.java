/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.litemesh.NoRouteException;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.MessageIds;
import io.litemesh.codec.RemoteError;
import io.litemesh.codec.ScatterReply;
import io.litemesh.invoke.DefaultMeshContext;
import io.litemesh.routing.Routes;
import io.litemesh.transport.Link;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a broadcast down the shortest-path tree of the sending node: the message names
 * the nodes it is for, and each node serves it if it is named and splits the other names
 * by its own next hop, sending one copy per child. So every tree edge carries one copy
 * and no node receives a broadcast twice. Broadcast requests travel as request-streams
 * whose elements, one {@link ScatterReply} per node, flow back up the tree untouched.
 *
 * @author LiteMesh team
 */
final class Broadcaster {

	private static final Log logger = LogFactory.getLog(Broadcaster.class);

	private final String localId;

	private final int maxHops;

	private final RouteTable routeTable;

	private final Forwarder forwarder;

	private final LocalDispatcher dispatcher;

	Broadcaster(String localId, int maxHops, RouteTable routeTable, Forwarder forwarder, LocalDispatcher dispatcher) {
		this.localId = localId;
		this.maxHops = maxHops;
		this.routeTable = routeTable;
		this.forwarder = forwarder;
		this.dispatcher = dispatcher;
	}

	Mono<Void> send(String service, String endpoint, List<String> nodes, byte[] data, String trace) {
		return Mono.defer(() -> spread(origin(service, endpoint, trace), 0, nodes, Unpooled.wrappedBuffer(data)));
	}

	Flux<ScatterReply> scatter(String service, String endpoint, List<String> nodes, byte[] data, String trace) {
		return Flux.defer(() -> gather(origin(service, endpoint, trace), 0, nodes, Unpooled.wrappedBuffer(data)))
			.map(ScatterReply::from);
	}

	Mono<Void> relaySend(Envelope envelope, Payload payload) {
		try {
			return spread(envelope, envelope.hops() + 1, envelope.destinations(), payload.sliceData());
		}
		finally {
			payload.release();
		}
	}

	Flux<Payload> relayScatter(Envelope envelope, Payload payload) {
		try {
			return gather(envelope, envelope.hops() + 1, envelope.destinations(), payload.sliceData());
		}
		finally {
			payload.release();
		}
	}

	/**
	 * Serve a broadcast fire-and-forget here if this node is named, and send one copy to
	 * each neighbour below which other named nodes are.
	 * @param here the links the message crossed to reach this node: 0 at the sender
	 */
	private Mono<Void> spread(Envelope envelope, int here, List<String> nodes, ByteBuf data) {
		if (nodes.contains(this.localId)) {
			this.dispatcher.fire(context(envelope, here), ByteBufUtil.getBytes(data), envelope.trace());
		}
		Subtrees subtrees = subtrees(nodes);
		if (!subtrees.unreachable().isEmpty()) {
			logger.debug("Broadcast " + envelope.service() + "." + envelope.endpoint() + " cannot reach "
					+ subtrees.unreachable() + " from node " + this.localId);
		}
		if (subtrees.byLink().isEmpty() || !this.forwarder.mayForward(here)) {
			return Mono.empty();
		}
		List<Mono<Void>> sends = new ArrayList<>();
		subtrees.byLink()
			.forEach((link,
					subtree) -> sends.add(link.rsocket()
						.fireAndForget(forward(envelope, here, subtree, data))
						.onErrorResume((ex) -> Mono.empty())));
		return Mono.when(sends);
	}

	/**
	 * The replies of the named nodes: this one's own and those of its subtrees.
	 * @param here the links the request crossed to reach this node: 0 at the sender
	 */
	private Flux<Payload> gather(Envelope envelope, int here, List<String> nodes, ByteBuf data) {
		List<Flux<Payload>> parts = new ArrayList<>();
		String localId = this.localId;
		if (nodes.contains(localId)) {
			String what = envelope.service() + "." + envelope.endpoint() + " on node " + localId;
			parts.add(this.dispatcher
				.request(context(envelope, here), ByteBufUtil.getBytes(data), envelope.trace(), "request-all")
				.map((reply) -> ScatterReply.success(localId, reply))
				.defaultIfEmpty(ScatterReply.success(localId, new byte[0]))
				.onErrorResume((ex) -> Mono.just(ScatterReply.failure(localId, RemoteError.of(ex, what))))
				.map(ScatterReply::toPayload)
				.flux());
		}
		Subtrees subtrees = subtrees(nodes);
		parts.add(failures(subtrees.unreachable(), "unreachable from node " + localId));
		if (!subtrees.byLink().isEmpty() && !this.forwarder.mayForward(here)) {
			subtrees.byLink()
				.values()
				.forEach((subtree) -> parts
					.add(failures(subtree, "hop limit " + this.maxHops + " reached (litemesh.max-hops)")));
			return Flux.merge(parts);
		}
		subtrees.byLink()
			.forEach((link, subtree) -> parts.add(link.rsocket()
				.requestStream(forward(envelope, here, subtree, data))
				.onErrorResume((ex) -> failures(subtree, "link to " + link.peerId() + " lost: " + ex.getMessage()))));
		return Flux.merge(parts);
	}

	private Flux<Payload> failures(List<String> nodes, String reason) {
		return Flux.fromIterable(nodes)
			.map((node) -> ScatterReply
				.failure(node,
						new RemoteError(RemoteError.CODE_NO_ROUTE, NoRouteException.class.getName(),
								"Broadcast to node " + node + " failed: " + reason))
				.toPayload());
	}

	/**
	 * Group the named nodes other than this one by the link to the neighbour they are
	 * reached through.
	 */
	private Subtrees subtrees(List<String> nodes) {
		Routes routes = this.routeTable.routes();
		Map<Link, List<String>> byLink = new LinkedHashMap<>();
		List<String> unreachable = new ArrayList<>();
		for (String node : nodes) {
			if (node.equals(this.localId)) {
				continue;
			}
			Routes.Route route = routes.route(node);
			Link link = (route != null) ? this.forwarder.neighbour(route.nextHop()) : null;
			if (link != null) {
				byLink.computeIfAbsent(link, (key) -> new ArrayList<>()).add(node);
			}
			else {
				unreachable.add(node);
			}
		}
		return new Subtrees(byLink, unreachable);
	}

	private Envelope origin(String service, String endpoint, String trace) {
		return new Envelope(Envelope.Kind.CALL, Envelope.Mode.BROADCAST, 0, MessageIds.next(), this.localId, "",
				service, endpoint, trace);
	}

	/**
	 * The copy for one neighbour: the subtree's names, the data retained once for it.
	 */
	private Payload forward(Envelope envelope, int here, List<String> subtree, ByteBuf data) {
		return this.forwarder.subtreeCopy(envelope, here, subtree, data);
	}

	private static DefaultMeshContext context(Envelope envelope, int here) {
		return new DefaultMeshContext(envelope.source(), envelope.service(), envelope.endpoint(), here, envelope.id());
	}

	private record Subtrees(Map<Link, List<String>> byLink, List<String> unreachable) {
	}

}
