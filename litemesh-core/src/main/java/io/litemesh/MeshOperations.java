/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operations to call services anywhere in the mesh: request-response, scatter-gather,
 * fire-and-forget and streams, to a {@link Target unicast, anycast or broadcast target}.
 * Implemented by {@link MeshTemplate}.
 *
 * @author LiteMesh team
 */
public interface MeshOperations {

	/**
	 * Request-response with one node: the unicast node or the anycast provider chosen.
	 * @param target a unicast or anycast target; a broadcast target is rejected
	 * @param endpoint the endpoint (method) name
	 * @param payload the payload, mapped to JSON, or {@code null}
	 * @param replyType the type to map the reply to
	 * @param <T> the reply type
	 * @return the reply; empty for a {@code void} endpoint
	 */
	<T> Mono<T> request(Target target, String endpoint, @Nullable Object payload, Class<T> replyType);

	/**
	 * Scatter-gather: one {@link MeshReply} per node the target names, failures included.
	 * @param target any target
	 * @param endpoint the endpoint (method) name
	 * @param payload the payload, mapped to JSON, or {@code null}
	 * @param replyType the type to map each reply to
	 * @param <T> the reply type
	 * @return the replies, completing when every named node answered, failed or timed out
	 */
	<T> Flux<MeshReply<T>> requestAll(Target target, String endpoint, @Nullable Object payload, Class<T> replyType);

	/**
	 * Fire-and-forget to every node the target names.
	 * @param target any target
	 * @param endpoint the endpoint (method) name
	 * @param payload the payload, mapped to JSON, or {@code null}
	 * @return completes when the message has left this node
	 */
	Mono<Void> send(Target target, String endpoint, @Nullable Object payload);

	/**
	 * Request-stream from one node, with back-pressure end to end.
	 * @param target a unicast or anycast target
	 * @param endpoint the endpoint (method) name
	 * @param payload the payload, mapped to JSON, or {@code null}
	 * @param elementType the type to map each element to
	 * @param <T> the element type
	 * @return the elements
	 */
	<T> Flux<T> stream(Target target, String endpoint, @Nullable Object payload, Class<T> elementType);

	/**
	 * Create a proxy of an interface whose methods call the endpoints of the same name.
	 * {@code Mono} and {@code Flux} returns stay reactive; plain returns block up to the
	 * request timeout.
	 * @param api the interface
	 * @param target the target every call goes to
	 * @param <T> the interface type
	 * @return the proxy
	 */
	<T> T client(Class<T> api, Target target);

	/**
	 * Return the id of this node.
	 * @return the node id
	 */
	String nodeId();

}
