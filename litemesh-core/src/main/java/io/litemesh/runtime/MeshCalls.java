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
import java.util.function.Function;

import io.litemesh.MeshException;
import io.litemesh.MeshReply;
import io.litemesh.Target;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.observation.MeshClientContext;
import io.litemesh.observation.MeshObservations;
import io.litemesh.routing.ProviderSelector;
import io.litemesh.routing.Router;
import io.micrometer.observation.Observation;
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

	private final MeshObservations observations;

	MeshCalls(String nodeId, Router router, ProviderSelector selector, JsonCodec codec, Duration timeout,
			MeshObservations observations) {
		this.observations = observations;
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
		// decoding inside the observation: a reply that does not map is a failed call
		return observed(target, endpoint, "request", (observed) -> {
			String nodeId = this.selector.choose(target, endpoint);
			return this.router.request(call(nodeId, target, endpoint, traced(observed, nodeId)), encode(payload),
					(reply) -> this.<T>decode(reply, replyType, target, endpoint));
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
		return observedFlux(target, endpoint, "request-all", (observed) -> {
			byte[] data = encode(payload);
			if (target.mode() == Target.Mode.BROADCAST) {
				return broadcastRequest(target, endpoint, data, type, trace(observed));
			}
			String nodeId = this.selector.choose(target, endpoint);
			return call(nodeId, target, endpoint, data, traced(observed, nodeId))
				.map((reply) -> this.<T>reply(nodeId, reply, type, target, endpoint))
				.defaultIfEmpty(new MeshReply<>(nodeId, null, null))
				.onErrorResume((ex) -> Mono.just(new MeshReply<>(nodeId, null, ex)))
				.flux();
		});
	}

	private <T> Flux<MeshReply<T>> broadcastRequest(Target target, String endpoint, byte[] data, JavaType type,
			String trace) {
		List<String> nodes = this.selector.resolve(target, endpoint);
		Set<String> pending = ConcurrentHashMap.newKeySet();
		pending.addAll(nodes);
		Flux<MeshReply<T>> answered = this.router.scatter(target.service(), endpoint, nodes, data, trace)
			.filter((reply) -> pending.remove(reply.nodeId()))
			.map((reply) -> reply.failed() ? new MeshReply<T>(reply.nodeId(), null, reply.error().toException())
					: this.<T>reply(reply.nodeId(), reply.data(), type, target, endpoint))
			.take(this.timeout);
		// whoever did not answer in time gets a timeout of its own, so every named node
		// has a reply
		return answered.concatWith(Flux.defer(() -> Flux.fromIterable(List.copyOf(pending))
			.map((nodeId) -> new MeshReply<>(nodeId, null, this.router.timedOut(call(nodeId, target, endpoint, ""))))));
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
		return observed(target, endpoint, "send", (observed) -> {
			byte[] data = encode(payload);
			if (target.mode() == Target.Mode.BROADCAST) {
				return this.router.broadcast(target.service(), endpoint, this.selector.resolve(target, endpoint), data,
						trace(observed));
			}
			String nodeId = this.selector.choose(target, endpoint);
			return this.router.fireAndForget(call(nodeId, target, endpoint, traced(observed, nodeId)), data);
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
		return observedFlux(target, endpoint, "stream", (observed) -> {
			String nodeId = this.selector.choose(target, endpoint);
			return this.router.stream(call(nodeId, target, endpoint, traced(observed, nodeId)), encode(payload))
				.<T>handle((element, sink) -> {
					T value = decode(element, elementType, target, endpoint);
					if (value != null) {
						sink.next(value);
					}
				});
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

	private Mono<byte[]> call(String nodeId, Target target, String endpoint, byte[] data, String trace) {
		return this.router.request(call(nodeId, target, endpoint, trace), data);
	}

	private Router.Call call(String nodeId, Target target, String endpoint, String trace) {
		return new Router.Call(nodeId, mode(target.mode()), this.nodeId, target.service(), endpoint, trace);
	}

	/**
	 * Run a call inside an observation of it, or as it is when nothing observes: the call
	 * then gets no context, and nothing is allocated for observing it.
	 */
	private <T> Mono<T> observed(Target target, String endpoint, String interaction,
			Function<@Nullable MeshClientContext, Mono<T>> call) {
		if (!this.observations.enabled()) {
			return Mono.defer(() -> call.apply(null));
		}
		return Mono.deferContextual((caller) -> {
			MeshClientContext context = new MeshClientContext(target.service(), endpoint, interaction);
			Observation observation = this.observations.startClient(context, caller);
			return MeshObservations.observe(Mono.defer(() -> call.apply(context)), observation, context);
		});
	}

	/**
	 * Record the chosen node in an observed call's context.
	 * @return the trace to send, {@code ""} when unobserved
	 */
	private static String traced(@Nullable MeshClientContext observed, String nodeId) {
		if (observed != null) {
			observed.setPeer(nodeId);
		}
		return trace(observed);
	}

	private static String trace(@Nullable MeshClientContext observed) {
		return (observed != null) ? observed.trace() : "";
	}

	private <T> Flux<T> observedFlux(Target target, String endpoint, String interaction,
			Function<@Nullable MeshClientContext, Flux<T>> call) {
		if (!this.observations.enabled()) {
			return Flux.defer(() -> call.apply(null));
		}
		return Flux.deferContextual((caller) -> {
			MeshClientContext context = new MeshClientContext(target.service(), endpoint, interaction);
			Observation observation = this.observations.startClient(context, caller);
			return MeshObservations.observe(Flux.defer(() -> call.apply(context)), observation, context);
		});
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
