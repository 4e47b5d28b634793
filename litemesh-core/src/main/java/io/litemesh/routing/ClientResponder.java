/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import io.litemesh.Target;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.MimeTypes;
import io.litemesh.codec.RemoteError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.RoutingMetadata;
import io.rsocket.util.ByteBufPayload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a plain RSocket client (such as Spring's {@code RSocketRequester} or
 * rsocket-js): the route {@code <service>.<endpoint>} in its routing metadata becomes an
 * anycast call to whichever node provides the service, with the JSON payload passed
 * through. The client's identity, {@code client:<name>} as the transport authenticated
 * it, is the source of every call, so the serving node checks its access rules against
 * the client however many hops away it is, and the client never writes it itself.
 *
 * @author LiteMesh team
 */
final class ClientResponder implements RSocket {

	/** Routes of the built-in service every node serves. */
	private static final String BUILT_IN_PREFIX = Envelope.CONTROL_SERVICE + ".";

	private final String clientName;

	private final @Nullable String metadataMimeType;

	private final Router router;

	private final ProviderSelector selector;

	private final MeshQueries queries;

	ClientResponder(String clientName, @Nullable String metadataMimeType, Router router, ProviderSelector selector,
			MeshQueries queries) {
		this.queries = queries;
		this.clientName = clientName;
		this.metadataMimeType = metadataMimeType;
		this.router = router;
		this.selector = selector;
	}

	@Override
	public Mono<Payload> requestResponse(Payload payload) {
		return Mono.defer(() -> {
			Request request = read(payload);
			if (request.route().startsWith(BUILT_IN_PREFIX)) {
				return builtIn(request);
			}
			return this.router.request(call(request.route()), request.data());
		}).map((reply) -> (Payload) ByteBufPayload.create(JsonCodec.direct(reply))).onErrorMap(this::errorFrame);
	}

	@Override
	public Mono<Void> fireAndForget(Payload payload) {
		return Mono.defer(() -> {
			Request request = read(payload);
			return this.router.fireAndForget(call(request.route()), request.data());
		}).onErrorResume((ex) -> Mono.empty());
	}

	@Override
	public Flux<Payload> requestStream(Payload payload) {
		return Flux.defer(() -> {
			Request request = read(payload);
			return this.router.stream(call(request.route()), request.data());
		}).map((element) -> (Payload) ByteBufPayload.create(JsonCodec.direct(element))).onErrorMap(this::errorFrame);
	}

	/**
	 * Read route and data, then free the payload: it is a slice of the received frame.
	 */
	private Request read(Payload payload) {
		try {
			return new Request(route(payload), ByteBufUtil.getBytes(payload.sliceData()));
		}
		finally {
			payload.release();
		}
	}

	/**
	 * Answer a route of the built-in service {@code mesh}, under the access rule of
	 * {@code mesh} like any service's.
	 */
	private Mono<byte[]> builtIn(Request request) {
		String endpoint = request.route().substring(BUILT_IN_PREFIX.length());
		this.router.checkAccess(this.clientName, Envelope.CONTROL_SERVICE, endpoint);
		return switch (endpoint) {
			case "snapshot" -> Mono.fromSupplier(this.queries::snapshot);
			case "node" -> this.queries.node(nodeId(request.data()));
			default -> Mono.error(new IllegalArgumentException("The built-in service 'mesh' has no endpoint '"
					+ endpoint + "'; its endpoints are [node, snapshot]"));
		};
	}

	/**
	 * Read the payload of {@code mesh.node}: a node id as a JSON string.
	 */
	private static String nodeId(byte[] data) {
		String nodeId = null;
		try {
			JsonNode json = JsonMapper.shared().readTree(data);
			if (json != null && json.isString()) {
				nodeId = json.stringValue();
			}
		}
		catch (JacksonException ex) {
			// not JSON: the message below says what is expected
		}
		if (nodeId == null || nodeId.isBlank() || nodeId.length() > Envelope.MAX_FIELD_LENGTH) {
			throw new IllegalArgumentException("mesh.node takes a node id as a JSON string, such as \"node-a\"");
		}
		return nodeId;
	}

	private Router.Call call(String route) {
		int dot = route.lastIndexOf('.');
		if (dot <= 0 || dot == route.length() - 1) {
			throw new IllegalArgumentException("Route '" + route + "' is not <service>.<endpoint>");
		}
		String service = route.substring(0, dot);
		String endpoint = route.substring(dot + 1);
		String nodeId = this.selector.choose(Target.anycast(service), endpoint);
		return new Router.Call(nodeId, Envelope.Mode.ANYCAST, this.clientName, service, endpoint);
	}

	private String route(Payload payload) {
		if (!payload.hasMetadata()) {
			throw new IllegalArgumentException("No routing metadata; send the route <service>.<endpoint>");
		}
		return route(payload.sliceMetadata(), this.metadataMimeType);
	}

	/**
	 * Read the route from a plain client's metadata, reading it in place.
	 * @param metadata the metadata of a request
	 * @param metadataMimeType the metadata MIME type of the client's SETUP
	 * @return the first routing tag
	 * @throws IllegalArgumentException when there is no route or the metadata is
	 * malformed, so the client gets a {@code BAD_REQUEST} error frame
	 */
	static String route(ByteBuf metadata, @Nullable String metadataMimeType) {
		try {
			if (MimeTypes.ROUTING.equals(metadataMimeType)) {
				return firstTag(metadata);
			}
			for (CompositeMetadata.Entry entry : new CompositeMetadata(metadata, false)) {
				if (MimeTypes.ROUTING.equals(entry.getMimeType())) {
					return firstTag(entry.getContent());
				}
			}
		}
		catch (IllegalArgumentException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// rsocket-java's readers fail on bad lengths with index and state errors
			throw new IllegalArgumentException("Malformed routing metadata: " + ex, ex);
		}
		throw new IllegalArgumentException("No " + MimeTypes.ROUTING + " entry in the composite metadata; "
				+ "send the route <service>.<endpoint>");
	}

	private static String firstTag(ByteBuf routing) {
		for (String tag : new RoutingMetadata(routing)) {
			return tag;
		}
		throw new IllegalArgumentException("Empty routing metadata; send the route <service>.<endpoint>");
	}

	private record Request(String route, byte[] data) {
	}

	private Throwable errorFrame(Throwable failure) {
		// the router's failures are the caller's exceptions already; what is left is a
		// bad route
		if (failure instanceof IllegalArgumentException) {
			return new ApplicationErrorException(
					new RemoteError(RemoteError.CODE_BAD_REQUEST, failure.getClass().getName(), failure.getMessage())
						.toJson());
		}
		return RemoteError.toErrorFrame(failure, "call from client " + this.clientName);
	}

}
