/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.MeshException;
import io.litemesh.MeshReply;
import io.litemesh.MeshTimeoutException;
import io.litemesh.Target;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.routing.ProviderSelector;
import io.litemesh.routing.Router;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

/**
 * The calls of {@link io.litemesh.MeshTemplate}: maps payloads to JSON with the node's
 * mapper, resolves targets to nodes (failing at once when nobody can serve), and enforces
 * {@code litemesh.request-timeout} end to end, whatever the hop count.
 *
 * @author LiteMesh team
 */
public final class MeshCalls {

	private final String nodeId;

	private final Router router;

	private final ProviderSelector selector;

	private final JsonCodec codec;

	private final Duration timeout;

	MeshCalls(String nodeId, Router router, ProviderSelector selector, JsonCodec codec, Duration timeout) {
		this.nodeId = nodeId;
		this.router = router;
		this.selector = selector;
		this.codec = codec;
		this.timeout = timeout;
	}

	/**
	 * Return the Jackson type of a Java type, as the node's mapper sees it.
	 * @param type the Java type
	 * @return the Jackson type
	 */
	public JavaType javaType(Type type) {
		return this.codec.javaType(type);
	}

	/**
	 * Request-response with one node.
	 * @param <T> the reply type
	 * @param target the unicast or anycast target
	 * @param endpoint the endpoint
	 * @param payload the payload, {@code null} for none
	 * @param replyType the reply type
	 * @return the reply
	 * @see io.litemesh.MeshOperations#request
	 */
	public <T> Mono<T> request(Target target, String endpoint, @Nullable Object payload, JavaType replyType) {
		checkArguments(target, endpoint);
		if (target.mode() == Target.Mode.BROADCAST) {
			throw new IllegalArgumentException("request() calls one node, but " + target + " names every provider; "
					+ "use requestAll() or send()");
		}
		return Mono.defer(() -> {
			String nodeId = this.selector.choose(target, endpoint);
			return call(nodeId, target, endpoint, encode(payload));
		}).handle((reply, sink) -> {
			T value = decode(reply, replyType, target, endpoint);
			if (value != null) {
				sink.next(value);
			}
		});
	}

	/**
	 * Scatter-gather: one reply per node the target names.
	 * @param <T> the reply type
	 * @param target the target
	 * @param endpoint the endpoint
	 * @param payload the payload, {@code null} for none
	 * @param type the reply type
	 * @return one reply per named node
	 * @see io.litemesh.MeshOperations#requestAll
	 */
	public <T> Flux<MeshReply<T>> requestAll(Target target, String endpoint, @Nullable Object payload, JavaType type) {
		checkArguments(target, endpoint);
		return Flux.defer(() -> {
			byte[] data = encode(payload);
			if (target.mode() == Target.Mode.BROADCAST) {
				return broadcastRequest(target, endpoint, data, type);
			}
			String nodeId = this.selector.choose(target, endpoint);
			return call(nodeId, target, endpoint, data)
				.map((reply) -> this.<T>reply(nodeId, reply, type, target, endpoint))
				.defaultIfEmpty(new MeshReply<>(nodeId, null, null))
				.onErrorResume((ex) -> Mono.just(new MeshReply<>(nodeId, null, ex)))
				.flux();
		});
	}

	private <T> Flux<MeshReply<T>> broadcastRequest(Target target, String endpoint, byte[] data, JavaType type) {
		List<String> nodes = this.selector.resolve(target, endpoint);
		Set<String> pending = ConcurrentHashMap.newKeySet();
		pending.addAll(nodes);
		Flux<MeshReply<T>> answered = this.router.scatter(target.service(), endpoint, nodes, data)
			.filter((reply) -> pending.remove(reply.nodeId()))
			.map((reply) -> reply.failed() ? new MeshReply<T>(reply.nodeId(), null, reply.error().toException())
					: this.<T>reply(reply.nodeId(), reply.data(), type, target, endpoint))
			.take(this.timeout);
		// whoever did not answer in time gets a timeout of its own, so every named node
		// has a reply
		return answered.concatWith(Flux.defer(() -> Flux.fromIterable(List.copyOf(pending))
			.map((nodeId) -> new MeshReply<>(nodeId, null, this.router.timedOut(call(nodeId, target, endpoint))))));
	}

	private <T> MeshReply<T> reply(String nodeId, byte[] data, JavaType type, Target target, String endpoint) {
		try {
			return new MeshReply<>(nodeId, decode(data, type, target, endpoint), null);
		}
		catch (MeshException ex) {
			return new MeshReply<>(nodeId, null, ex);
		}
	}

	/**
	 * Fire-and-forget to every node the target names.
	 * @param target the target
	 * @param endpoint the endpoint
	 * @param payload the payload, {@code null} for none
	 * @return completes when the message left this node
	 * @see io.litemesh.MeshOperations#send
	 */
	public Mono<Void> send(Target target, String endpoint, @Nullable Object payload) {
		checkArguments(target, endpoint);
		return Mono.defer(() -> {
			byte[] data = encode(payload);
			if (target.mode() == Target.Mode.BROADCAST) {
				return this.router.broadcast(target.service(), endpoint, this.selector.resolve(target, endpoint), data);
			}
			String nodeId = this.selector.choose(target, endpoint);
			return this.router.fireAndForget(call(nodeId, target, endpoint), data);
		});
	}

	/**
	 * Request-stream from one node.
	 * @param <T> the element type
	 * @param target the unicast or anycast target
	 * @param endpoint the endpoint
	 * @param payload the payload, {@code null} for none
	 * @param elementType the element type
	 * @return the elements, with back-pressure
	 * @see io.litemesh.MeshOperations#stream
	 */
	public <T> Flux<T> stream(Target target, String endpoint, @Nullable Object payload, JavaType elementType) {
		checkArguments(target, endpoint);
		if (target.mode() == Target.Mode.BROADCAST) {
			throw new IllegalArgumentException("stream() reads from one node, but " + target
					+ " names every provider; use an anycast or unicast target");
		}
		return Flux.defer(() -> {
			String nodeId = this.selector.choose(target, endpoint);
			return this.router.stream(call(nodeId, target, endpoint), encode(payload));
		}).<T>handle((element, sink) -> {
			T value = decode(element, elementType, target, endpoint);
			if (value != null) {
				sink.next(value);
			}
		});
	}

	/**
	 * Return a proxy of an interface whose methods call the endpoints of the same name.
	 * @param <T> the interface
	 * @param api the interface
	 * @param target the target
	 * @return the proxy
	 * @see io.litemesh.MeshOperations#client
	 */
	public <T> T client(Class<T> api, Target target) {
		return MeshClientProxy.create(this, api, target, this.timeout);
	}

	private Mono<byte[]> call(String nodeId, Target target, String endpoint, byte[] data) {
		return this.router.request(call(nodeId, target, endpoint), data);
	}

	private Router.Call call(String nodeId, Target target, String endpoint) {
		return new Router.Call(nodeId, mode(target.mode()), this.nodeId, target.service(), endpoint);
	}

	private byte[] encode(@Nullable Object payload) {
		return this.codec.encode(payload);
	}

	private <T> @Nullable T decode(byte[] reply, JavaType type, Target target, String endpoint) {
		try {
			return this.codec.decode(reply, type);
		}
		catch (RuntimeException ex) {
			throw new MeshException("Reply of " + target.service() + "." + endpoint + " does not map to " + type + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static void checkArguments(Target target, String endpoint) {
		Objects.requireNonNull(target, "'target' must not be null");
		if (endpoint == null || endpoint.isBlank()) {
			throw new IllegalArgumentException("'endpoint' must not be empty");
		}
	}

	private static Envelope.Mode mode(Target.Mode mode) {
		return switch (mode) {
			case UNICAST -> Envelope.Mode.UNICAST;
			case ANYCAST -> Envelope.Mode.ANYCAST;
			case BROADCAST -> Envelope.Mode.BROADCAST;
		};
	}

}
