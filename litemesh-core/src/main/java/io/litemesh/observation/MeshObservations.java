/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.litemesh.codec.RemoteError;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Observes a node's calls in its {@link ObservationRegistry}. Without one (the no-op
 * registry) callers skip it entirely, so an unobserved node allocates nothing for it. The
 * observation of a call travels in the Reactor context, where the endpoint that serves it
 * opens its scope, so a tracer sees the endpoint inside the server span.
 *
 * @author LiteMesh team
 */
public final class MeshObservations {

	/**
	 * Where a call's observation travels in the Reactor context: the key of Micrometer's
	 * {@code ObservationThreadLocalAccessor}, so Reactor's automatic context propagation
	 * and Spring's own instrumentation find it too, without needing the
	 * context-propagation library on the class path.
	 */
	public static final String OBSERVATION_KEY = "micrometer.observation";

	/** No observations. */
	public static final MeshObservations NONE = new MeshObservations(ObservationRegistry.NOOP, null, null);

	private static final MeshClientObservationConvention DEFAULT_CLIENT = new DefaultMeshClientObservationConvention();

	private static final MeshServerObservationConvention DEFAULT_SERVER = new DefaultMeshServerObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable MeshClientObservationConvention clientConvention;

	private final @Nullable MeshServerObservationConvention serverConvention;

	/**
	 * Create the observations of a node.
	 * @param registry the registry
	 * @param clientConvention the convention for {@code litemesh.client.requests},
	 * {@code null} for the default
	 * @param serverConvention the convention for {@code litemesh.server.requests},
	 * {@code null} for the default
	 */
	public MeshObservations(ObservationRegistry registry, @Nullable MeshClientObservationConvention clientConvention,
			@Nullable MeshServerObservationConvention serverConvention) {
		this.registry = registry;
		this.clientConvention = clientConvention;
		this.serverConvention = serverConvention;
	}

	/**
	 * Return whether calls are observed at all.
	 * @return {@code false} for the no-op registry
	 */
	public boolean enabled() {
		return !this.registry.isNoop();
	}

	/**
	 * Start observing a call this node makes, as a child of the caller's observation.
	 * @param context the call
	 * @param caller the caller's Reactor context, which may hold its observation
	 * @return the started observation; a tracer has written the trace into the context
	 */
	public Observation startClient(MeshClientContext context, ContextView caller) {
		Observation observation = MeshObservationDocumentation.CLIENT_REQUESTS.observation(this.clientConvention,
				DEFAULT_CLIENT, () -> context, this.registry);
		Observation parent = caller.getOrDefault(OBSERVATION_KEY, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation.start();
	}

	/**
	 * Start observing a call a local bean serves.
	 * @param context the call; a tracer reads the caller's trace from it
	 * @return the started observation
	 */
	public Observation startServer(MeshServerContext context) {
		return MeshObservationDocumentation.SERVER_REQUESTS
			.observation(this.serverConvention, DEFAULT_SERVER, () -> context, this.registry)
			.start();
	}

	/**
	 * Stop an observation when a call ends, recording how it ended.
	 * @param <T> the reply type
	 * @param call the call
	 * @param observation its started observation
	 * @param context its context
	 * @return the observed call, which carries the observation in its Reactor context
	 */
	public static <T> Mono<T> observe(Mono<T> call, Observation observation, MeshCallContext context) {
		return call.doOnError((ex) -> failed(ex, observation, context))
			.doOnCancel(context::setCancelled)
			.doFinally((signal) -> observation.stop())
			.contextWrite((reactor) -> reactor.put(OBSERVATION_KEY, observation));
	}

	/**
	 * Stop an observation when a stream ends, recording how it ended.
	 * @param <T> the element type
	 * @param call the stream
	 * @param observation its started observation
	 * @param context its context
	 * @return the observed stream, which carries the observation in its Reactor context
	 */
	public static <T> Flux<T> observe(Flux<T> call, Observation observation, MeshCallContext context) {
		return call.doOnError((ex) -> failed(ex, observation, context))
			.doOnCancel(context::setCancelled)
			.doFinally((signal) -> observation.stop())
			.contextWrite((reactor) -> reactor.put(OBSERVATION_KEY, observation));
	}

	private static void failed(Throwable failure, Observation observation, MeshCallContext context) {
		context.setErrorCode(RemoteError.knownCode(failure));
		observation.error(failure);
	}

}
