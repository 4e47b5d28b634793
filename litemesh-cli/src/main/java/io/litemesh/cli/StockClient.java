/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.DefaultPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * The mesh through one node, as any stock RSocket client sees it: each request carries
 * its route {@code <service>.<endpoint>} in composite routing metadata and a JSON
 * payload, and the node calls whichever node offers the service (anycast); the built-in
 * routes {@code mesh.snapshot} and {@code mesh.node} answer the mesh's documents.
 *
 * @author LiteMesh team
 */
final class StockClient implements MeshAccess {

	private static final byte[] NO_DATA = new byte[0];

	private static final Route SNAPSHOT = new Route("mesh", "snapshot");

	private static final Route NODE = new Route("mesh", "node");

	private final RSocket rsocket;

	private final Failures.Peer peer;

	private final Deadline deadline;

	private final AtomicBoolean closed = new AtomicBoolean();

	private StockClient(RSocket rsocket, Failures.Peer peer, Deadline deadline) {
		this.rsocket = rsocket;
		this.peer = peer;
		this.deadline = deadline;
	}

	/**
	 * Connect to a node.
	 * @param connection how to dial it
	 * @param peer the node, for messages
	 * @param deadline the end of the command's time
	 * @return the client
	 */
	static StockClient connect(Connection connection, Failures.Peer peer, Deadline deadline) {
		RSocket rsocket = connection.connect(deadline.remaining()).block();
		if (rsocket == null) {
			throw new CommandFailure("UNREACHABLE", "Could not connect to " + peer.name());
		}
		return new StockClient(rsocket, peer, deadline);
	}

	@Override
	public JsonNode snapshot() {
		return required(request(SNAPSHOT, NO_DATA), SNAPSHOT);
	}

	@Override
	public JsonNode node(String nodeId) {
		return required(request(NODE, Json.bytes(StringNode.valueOf(nodeId))), NODE);
	}

	@Override
	public @Nullable JsonNode call(Route route, @Nullable JsonNode payload) {
		return request(route, data(payload));
	}

	/**
	 * Fire-and-forget, then ask the node for the mesh: the answer comes after the node
	 * has taken the message (frames of one connection are handled in order), so the
	 * connection is not closed under it, and it tells whether anybody offers the service,
	 * since the node drops a fire-and-forget nobody can take without a word.
	 */
	@Override
	public void send(Route route, @Nullable JsonNode payload) {
		this.rsocket.fireAndForget(payload(route, data(payload))).timeout(this.deadline.remaining()).block();
		JsonNode snapshot;
		try {
			snapshot = snapshot();
		}
		catch (CommandFailure ex) {
			if ("DENIED".equals(ex.code())) {
				// mesh is closed to this client: the answer still proves the node took
				// the message
				return;
			}
			throw ex;
		}
		for (JsonNode service : snapshot.path("services")) {
			if (route.service().equals(service.path("name").asString()) && !service.path("nodes").isEmpty()) {
				return;
			}
		}
		throw new CommandFailure("NO_ROUTE", "No node offers service '" + route.service() + "' as "
				+ snapshot.path("node").path("id").asString("the node") + " sees the mesh; the message was dropped");
	}

	@Override
	public Flux<JsonNode> stream(Route route, @Nullable JsonNode payload) {
		return this.rsocket.requestStream(payload(route, data(payload))).map((element) -> {
			try {
				byte[] bytes = bytes(element);
				return (bytes.length != 0) ? Json.read(bytes, "An element of " + route) : NullNode.getInstance();
			}
			finally {
				element.release();
			}
		});
	}

	private @Nullable JsonNode request(Route route, byte[] data) {
		Payload reply;
		try {
			reply = this.rsocket.requestResponse(payload(route, data)).timeout(this.deadline.remaining()).block();
		}
		catch (RuntimeException ex) {
			throw Failures.describe(ex, this.peer);
		}
		if (reply == null) {
			return null;
		}
		try {
			byte[] bytes = bytes(reply);
			return (bytes.length != 0) ? Json.read(bytes, "The reply of " + route) : null;
		}
		finally {
			reply.release();
		}
	}

	private static JsonNode required(@Nullable JsonNode reply, Route route) {
		if (reply == null) {
			throw new CommandFailure("BAD_REPLY", route + " answered nothing; is this a LiteMesh node?");
		}
		return reply;
	}

	private static byte[] data(@Nullable JsonNode payload) {
		// no payload is no data, as a node writes null
		return (payload != null) ? Json.bytes(payload) : NO_DATA;
	}

	private static byte[] bytes(Payload payload) {
		return ByteBufUtil.getBytes(payload.sliceData());
	}

	private static Payload payload(Route route, byte[] data) {
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		try {
			CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
					WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
					TaggingMetadataCodec.createRoutingMetadata(ByteBufAllocator.DEFAULT, List.of(route.toString()))
						.getContent());
			return DefaultPayload.create(data, ByteBufUtil.getBytes(metadata));
		}
		finally {
			metadata.release();
		}
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.rsocket.dispose();
		}
	}

}
