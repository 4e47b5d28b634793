/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import io.litemesh.NoRouteException;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.RelayHeader;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;

/**
 * Finds the link to the next hop of the least-cost path, enforces the hop limit, and
 * builds the payloads that leave this node, counting each one. A relayed payload is the
 * received one with its hop count raised in place: nothing of it is copied.
 *
 * @author LiteMesh team
 */
final class Forwarder {

	private final String localId;

	private final int maxHops;

	private final RouteTable routeTable;

	private final LinkRegistry links;

	private final TrafficCounters counters;

	Forwarder(String localId, int maxHops, RouteTable routeTable, LinkRegistry links, TrafficCounters counters) {
		this.localId = localId;
		this.maxHops = maxHops;
		this.routeTable = routeTable;
		this.links = links;
		this.counters = counters;
	}

	/**
	 * Return the link to the next hop towards a node.
	 * @param nodeId the destination
	 * @return the link
	 * @throws NoRouteException when there is no route or its next hop has no open link
	 */
	Link link(String nodeId) {
		Routes.Route route = this.routeTable.routes().route(nodeId);
		Link link = (route != null) ? this.links.get(route.nextHop()) : null;
		if (link == null) {
			throw new NoRouteException("Node '" + nodeId + "' is unreachable from node " + this.localId
					+ ((route != null) ? " (its next hop " + route.nextHop() + " has no open link)" : ""));
		}
		return link;
	}

	/**
	 * Return the cheapest open link to a neighbour.
	 * @param nodeId the neighbour
	 * @return the link, {@code null} when none is open
	 */
	@Nullable Link neighbour(String nodeId) {
		return this.links.get(nodeId);
	}

	/**
	 * Return whether a message that crossed {@code here} links to reach this node may
	 * cross one more, counting it as dropped when not.
	 * @param here the links behind this node: 0 at the sender
	 * @return {@code true} within {@code litemesh.max-hops}
	 */
	boolean mayForward(int here) {
		if (here + 1 <= this.maxHops) {
			return true;
		}
		this.counters.hopLimitDrop();
		return false;
	}

	/**
	 * Return the link a received message goes on over, releasing its payload when there
	 * is none: payloads are slices of the received frame, so whoever does not pass one on
	 * frees it.
	 * @param header what the relay read of the message's header
	 * @param payload the message as received
	 * @return the link to the next hop
	 */
	Link nextHopOrRelease(RelayHeader header, Payload payload) {
		try {
			// an envelope's hop count is the links behind the receiving node, less one
			if (!mayForward(header.hops() + 1)) {
				throw new NoRouteException("Message " + header.messageId() + " from " + header.source() + " to "
						+ header.destination() + " dropped at node " + this.localId + ": hop limit " + this.maxHops
						+ " reached (litemesh.max-hops)");
			}
			return link(header.destination());
		}
		catch (RuntimeException ex) {
			payload.release();
			throw ex;
		}
	}

	/**
	 * Build a payload that originates here.
	 * @param envelope the header
	 * @param data the JSON data
	 * @return the payload, counted as sent
	 */
	Payload payload(Envelope envelope, byte[] data) {
		this.counters.sent();
		return ByteBufPayload.create(JsonCodec.direct(data), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	/**
	 * Build the payload that carries a received message one hop further: the message
	 * itself with its hop count raised, or a copy of its header when the received bytes
	 * cannot be written.
	 * @param payload the message as received, passed on or released here
	 * @return the payload for the next hop, counted as sent
	 */
	Payload relayed(Payload payload) {
		this.counters.sent();
		try {
			ByteBuf received = payload.sliceMetadata();
			if (!received.isReadOnly()) {
				RelayHeader.raiseHops(received);
				return payload;
			}
			ByteBuf metadata = Envelope.nextHop(received, ByteBufAllocator.DEFAULT);
			Payload copy = ByteBufPayload.create(payload.sliceData().retain(), metadata);
			payload.release();
			return copy;
		}
		catch (RuntimeException ex) {
			payload.release();
			throw ex;
		}
	}

	/**
	 * Build one copy of a broadcast for a subtree.
	 * @param envelope the broadcast's header
	 * @param here the links behind this node
	 * @param subtree the destinations below the neighbour
	 * @param data the data, retained once for the copy
	 * @return the payload, counted as sent
	 */
	Payload subtreeCopy(Envelope envelope, int here, java.util.List<String> subtree, ByteBuf data) {
		this.counters.sent();
		ByteBuf metadata = envelope.forSubtree(subtree, here).encode(ByteBufAllocator.DEFAULT);
		return ByteBufPayload.create(data.retainedSlice(), metadata);
	}

}
