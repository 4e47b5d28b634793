/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.litemesh.codec.MessageIds;
import io.litemesh.MeshSettings;
import io.litemesh.NoRouteException;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.RemoteError;
import io.litemesh.codec.ScatterReply;
import io.litemesh.membership.Membership;
import io.litemesh.membership.Routes;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
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

	private static final int BROADCAST = 2;

	private final MeshSettings settings;

	private final Membership membership;

	private final Router router;

	Broadcaster(MeshSettings settings, Membership membership, Router router) {
		this.settings = settings;
		this.membership = membership;
		this.router = router;
	}

	Mono<Void> send(String service, String endpoint, List<String> nodes, byte[] data) {
		return Mono.defer(() -> {
			Envelope envelope = origin(service, endpoint);
			deliverLocally(envelope, nodes, data, 0);
			Map<String, List<String>> subtrees = subtrees(nodes);
			List<String> unreachable = subtrees.remove(null);
			if (unreachable != null) {
				logger.debug("Broadcast " + service + "." + endpoint + " cannot reach " + unreachable);
			}
			return Flux.fromIterable(subtrees.entrySet())
				.flatMap((subtree) -> this.router.link(subtree.getKey())
					.rsocket()
					.fireAndForget(payload(envelope.forSubtree(subtree.getValue()).withHops(0), data)))
				.then();
		});
	}

	Flux<ScatterReply> scatter(String service, String endpoint, List<String> nodes, byte[] data) {
		return Flux.defer(() -> {
			Envelope envelope = origin(service, endpoint);
			return scatter(envelope.withHops(-1), nodes, Unpooled.wrappedBuffer(data))
				.map((payload) -> ScatterReply.from(payload));
		});
	}

	Mono<Void> relaySend(Envelope envelope, Payload payload) {
		try {
			byte[] data = ByteBufUtil.getBytes(payload.sliceData());
			deliverLocally(envelope, envelope.destinations(), data, envelope.hops() + 1);
			List<String> rest = others(envelope.destinations());
			if (rest.isEmpty() || !withinHopLimit(envelope)) {
				return Mono.empty();
			}
			List<Mono<Void>> sends = new ArrayList<>();
			subtrees(rest).forEach((nextHop, subtree) -> {
				if (nextHop != null) {
					sends.add(this.router.link(nextHop)
						.rsocket()
						.fireAndForget(forward(envelope.forSubtree(subtree), payload.sliceData()))
						.onErrorResume((ex) -> Mono.empty()));
				}
			});
			return Mono.when(sends);
		}
		finally {
			payload.release();
		}
	}

	Flux<Payload> relayScatter(Envelope envelope, Payload payload) {
		try {
			return scatter(envelope, envelope.destinations(), payload.sliceData());
		}
		finally {
			payload.release();
		}
	}

	/**
	 * The replies of the named nodes, this one's own and its subtrees'. Each subtree gets
	 * the data retained once; the caller releases its own reference.
	 */
	private Flux<Payload> scatter(Envelope envelope, List<String> nodes, io.netty.buffer.ByteBuf data) {
		List<Flux<Payload>> parts = new ArrayList<>();
		String localId = this.settings.nodeId();
		if (nodes.contains(localId)) {
			byte[] bytes = ByteBufUtil.getBytes(data);
			String what = envelope.service() + "." + envelope.endpoint() + " on node " + localId;
			parts.add(this.router
				.invokeLocal(envelope.source(), envelope.service(), envelope.endpoint(), envelope.hops() + 1,
						envelope.messageId(), bytes)
				.map((reply) -> ScatterReply.success(localId, reply))
				.defaultIfEmpty(ScatterReply.success(localId, new byte[0]))
				.onErrorResume((ex) -> Mono.just(ScatterReply.failure(localId, RemoteError.of(ex, what))))
				.map(ScatterReply::toPayload)
				.flux());
		}
		List<String> rest = others(nodes);
		if (!rest.isEmpty() && !withinHopLimit(envelope)) {
			parts.add(failures(rest, "hop limit " + this.settings.maxHops() + " reached (litemesh.max-hops)"));
			rest = List.of();
		}
		subtrees(rest).forEach((nextHop, subtree) -> {
			if (nextHop == null) {
				parts.add(failures(subtree, "unreachable from node " + localId));
				return;
			}
			Payload forwarded = forward(envelope.forSubtree(subtree), data);
			parts.add(this.router.link(nextHop)
				.rsocket()
				.requestStream(forwarded)
				.onErrorResume((ex) -> failures(subtree, "link to " + nextHop + " lost: " + ex.getMessage())));
		});
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

	private void deliverLocally(Envelope envelope, List<String> nodes, byte[] data, int hops) {
		if (nodes.contains(this.settings.nodeId())) {
			this.router
				.invokeLocal(envelope.source(), envelope.service(), envelope.endpoint(), hops, envelope.messageId(),
						data)
				.subscribe(null, (ex) -> logger.debug("Broadcast " + envelope.service() + "." + envelope.endpoint()
						+ " failed on node " + this.settings.nodeId(), ex));
		}
	}

	private boolean withinHopLimit(Envelope envelope) {
		// hops counts the links behind the receiving node, less one; forwarding adds a
		// link
		if (envelope.hops() + 2 <= this.settings.maxHops()) {
			return true;
		}
		this.router.countHopLimitDrop();
		return false;
	}

	private List<String> others(List<String> nodes) {
		return nodes.stream().filter((node) -> !node.equals(this.settings.nodeId())).toList();
	}

	/**
	 * Group destinations by the neighbour they are reached through; {@code null} collects
	 * the unreachable ones.
	 */
	private Map<String, List<String>> subtrees(List<String> nodes) {
		Routes routes = this.membership.routes();
		Map<String, List<String>> subtrees = new LinkedHashMap<>();
		for (String node : nodes) {
			if (node.equals(this.settings.nodeId())) {
				continue;
			}
			Routes.Route route = routes.route(node);
			String nextHop = (route != null && this.router.hasLink(route.nextHop())) ? route.nextHop() : null;
			subtrees.computeIfAbsent(nextHop, (key) -> new ArrayList<>()).add(node);
		}
		return subtrees;
	}

	private Envelope origin(String service, String endpoint) {
		return new Envelope(Envelope.Kind.CALL, BROADCAST, 0, MessageIds.next(), this.settings.nodeId(), "", service,
				endpoint, "");
	}

	private Payload payload(Envelope envelope, byte[] data) {
		this.router.countSent();
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	private Payload forward(Envelope envelope, io.netty.buffer.ByteBuf data) {
		this.router.countSent();
		return ByteBufPayload.create(data.retainedSlice(), envelope.encode(ByteBufAllocator.DEFAULT));
	}

}
