/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.Objects;

import io.litemesh.runtime.MeshCalls;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The {@link MeshOperations} applications inject: maps payloads to JSON with the node's
 * mapper, resolves targets to nodes (failing at once when nobody can serve), and enforces
 * {@code litemesh.request-timeout} end to end, whatever the hop count.
 *
 * @author LiteMesh team
 */
public class MeshTemplate implements MeshOperations {

	private final MeshNode node;

	private final MeshCalls calls;

	/**
	 * Create a template that calls through the given node.
	 * @param node the local node
	 */
	public MeshTemplate(MeshNode node) {
		this.node = Objects.requireNonNull(node, "'node' must not be null");
		this.calls = node.runtime().calls();
	}

	@Override
	public <T> Mono<T> request(Target target, String endpoint, @Nullable Object payload, Class<T> replyType) {
		return this.calls.request(target, endpoint, payload, this.calls.javaType(replyType));
	}

	/**
	 * Request-response with a generic reply type such as {@code List<Price>}.
	 * @param target a unicast or anycast target
	 * @param endpoint the endpoint name
	 * @param payload the payload, or {@code null}
	 * @param replyType the reply type
	 * @param <T> the reply type
	 * @return the reply
	 */
	public <T> Mono<T> request(Target target, String endpoint, @Nullable Object payload,
			ParameterizedTypeReference<T> replyType) {
		return this.calls.request(target, endpoint, payload, this.calls.javaType(replyType.getType()));
	}

	@Override
	public <T> Flux<MeshReply<T>> requestAll(Target target, String endpoint, @Nullable Object payload,
			Class<T> replyType) {
		return this.calls.requestAll(target, endpoint, payload, this.calls.javaType(replyType));
	}

	@Override
	public Mono<Void> send(Target target, String endpoint, @Nullable Object payload) {
		return this.calls.send(target, endpoint, payload);
	}

	@Override
	public <T> Flux<T> stream(Target target, String endpoint, @Nullable Object payload, Class<T> elementType) {
		return this.calls.stream(target, endpoint, payload, this.calls.javaType(elementType));
	}

	@Override
	public <T> T client(Class<T> api, Target target) {
		return this.calls.client(api, target);
	}

	@Override
	public String nodeId() {
		return this.node.nodeId();
	}

}
