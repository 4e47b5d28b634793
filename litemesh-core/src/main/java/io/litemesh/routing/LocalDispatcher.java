/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import io.litemesh.MeshAccessDeniedException;
import io.litemesh.NoRouteException;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.codec.Envelope;
import io.litemesh.invoke.DefaultMeshContext;
import io.litemesh.invoke.Endpoint;
import io.litemesh.invoke.LocalService;
import io.litemesh.invoke.ServiceRegistry;
import io.litemesh.observation.MeshObservations;
import io.litemesh.observation.MeshServerContext;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.Payload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands calls for this node to its local beans, once the service's access rules admit the
 * caller, and checks the sizes of what they are given and what they answer against
 * {@code litemesh.max-frame-size}.
 * <p>
 * The access check sits here because every call a local bean serves passes through this
 * class, whatever brought it: a call from this node, a request, stream or fire-and-forget
 * over a link, or a broadcast. The caller checked is the envelope's source, which the
 * node that let the caller in wrote and relays never change.
 *
 * @author LiteMesh team
 */
final class LocalDispatcher {

	private static final Log logger = LogFactory.getLog(LocalDispatcher.class);

	private final String localId;

	private final int maxFrameSize;

	private final ServiceRegistry services;

	private final AccessRules access;

	private final TrafficCounters counters;

	private final MeshObservations observations;

	LocalDispatcher(String localId, int maxFrameSize, ServiceRegistry services, AccessRules access,
			TrafficCounters counters, MeshObservations observations) {
		this.observations = observations;
		this.localId = localId;
		this.maxFrameSize = maxFrameSize;
		this.services = services;
		this.access = access;
		this.counters = counters;
	}

	/**
	 * Invoke a local endpoint for a request-response.
	 * @param context who calls what
	 * @param data the JSON payload
	 * @param trace the caller's trace, {@code ""} for none
	 * @param interaction how it was called: {@code request} or {@code request-all}
	 * @return the JSON reply; {@link MeshAccessDeniedException} when the access rules
	 * deny the caller
	 */
	Mono<byte[]> request(DefaultMeshContext context, byte[] data, String trace, String interaction) {
		Mono<byte[]> call = Mono.defer(() -> endpoint(context).invoke(data, context));
		if (!this.observations.enabled()) {
			return call;
		}
		return Mono.defer(() -> {
			MeshServerContext server = serverContext(context, trace, interaction);
			return MeshObservations.observe(call, this.observations.startServer(server), server);
		});
	}

	/**
	 * Return the endpoint of a request-response for this node when the call can be
	 * answered on the calling thread: nothing observes calls, and the endpoint
	 * {@link Endpoint#answersAtOnce() answers at once}. For such a call a chain of
	 * operators would cost more than the call itself (docs/performance.md).
	 * @param context who calls what
	 * @return the endpoint, {@code null} when the call is to go through {@link #request}
	 * @throws MeshAccessDeniedException when the access rules deny the caller
	 * @throws io.litemesh.NoRouteException when this node has no such endpoint
	 */
	@Nullable Endpoint answeringAtOnce(DefaultMeshContext context) {
		if (this.observations.enabled()) {
			return null;
		}
		Endpoint endpoint = endpoint(context);
		return endpoint.answersAtOnce() ? endpoint : null;
	}

	/**
	 * Invoke a local endpoint for a request-stream.
	 * @param context who calls what
	 * @param data the JSON payload
	 * @param trace the caller's trace, {@code ""} for none
	 * @return the JSON elements; {@link MeshAccessDeniedException} when the access rules
	 * deny the caller
	 */
	Flux<byte[]> stream(DefaultMeshContext context, byte[] data, String trace) {
		Flux<byte[]> call = Flux.defer(() -> endpoint(context).invokeStream(data, context));
		if (!this.observations.enabled()) {
			return call;
		}
		return Flux.defer(() -> {
			MeshServerContext server = serverContext(context, trace, "stream");
			return MeshObservations.observe(call, this.observations.startServer(server), server);
		});
	}

	private static MeshServerContext serverContext(DefaultMeshContext context, String trace, String interaction) {
		return new MeshServerContext(context.service(), context.endpoint(), interaction, context.callerNodeId(),
				context.hops(), trace);
	}

	/**
	 * Invoke a local endpoint for a fire-and-forget: nobody waits, so a failure is logged
	 * (a denial once, by the access check).
	 * @param context who calls what
	 * @param data the JSON payload
	 * @param trace the caller's trace, {@code ""} for none
	 */
	void fire(DefaultMeshContext context, byte[] data, String trace) {
		request(context, data, trace, "send").subscribe(null, (ex) -> {
			if (!(ex instanceof MeshAccessDeniedException)) {
				logger.debug("Fire-and-forget " + context.service() + "." + context.endpoint() + " failed on node "
						+ this.localId, ex);
			}
		});
	}

	/**
	 * Check a payload this node is about to send.
	 * @param data the payload
	 * @param what what it is for, for the message
	 * @throws PayloadTooLargeException when it exceeds the limit
	 */
	void checkSize(byte[] data, Object what) {
		if (data.length > this.maxFrameSize) {
			throw new PayloadTooLargeException("Payload of " + data.length + " bytes for " + what + " exceeds "
					+ "litemesh.max-frame-size (" + this.maxFrameSize + " bytes); send less or raise the limit");
		}
	}

	/**
	 * Check a reply a local bean produced.
	 * @param reply the reply
	 * @param envelope the call it answers, for the message (built only when it fails)
	 * @return the reply
	 * @throws PayloadTooLargeException when it exceeds the limit
	 */
	byte[] checkReply(byte[] reply, Envelope envelope) {
		if (reply.length > this.maxFrameSize) {
			throw new PayloadTooLargeException("Reply of " + reply.length + " bytes from " + describe(envelope)
					+ " exceeds litemesh.max-frame-size (" + this.maxFrameSize + " bytes)");
		}
		return reply;
	}

	/**
	 * Describe the local call a message makes, for messages.
	 * @param envelope the message's envelope
	 * @return {@code service.endpoint on node id}
	 */
	String describe(Envelope envelope) {
		return envelope.service() + "." + envelope.endpoint() + " on node " + this.localId;
	}

	private Endpoint endpoint(DefaultMeshContext context) {
		// before the lookup, so a denied caller learns nothing of the service's endpoints
		checkAccess(context);
		return endpoint(context.service(), context.endpoint());
	}

	void checkAccess(DefaultMeshContext context) {
		String service = context.service();
		String caller = context.callerNodeId();
		if (this.access.allows(service, caller)) {
			return;
		}
		this.counters.denied();
		logger.debug("Denied " + caller + " access to " + service + "." + context.endpoint() + " on node "
				+ this.localId + " (litemesh.security.access." + service + "=" + this.access.describe(service) + ")");
		throw new MeshAccessDeniedException(
				"Node " + this.localId + " denies caller '" + caller + "' access to service '" + service
						+ "'; add the caller to litemesh.security.access." + service + " on that node to allow it");
	}

	private Endpoint endpoint(String serviceName, String endpointName) {
		LocalService service = this.services.find(serviceName);
		if (service == null) {
			throw new NoRouteException("Node " + this.localId + " does not offer service '" + serviceName
					+ "'; it offers " + this.services.services().stream().map(LocalService::name).toList());
		}
		Endpoint endpoint = service.endpoint(endpointName);
		if (endpoint == null) {
			throw new NoRouteException("Service '" + serviceName + "' on node " + this.localId + " has no endpoint '"
					+ endpointName + "'; its endpoints are " + service.endpointNames());
		}
		return endpoint;
	}

	/**
	 * Return the data of a received payload, releasing it.
	 * @param payload the payload
	 * @return its data
	 */
	static byte[] data(Payload payload) {
		try {
			return ByteBufUtil.getBytes(payload.sliceData());
		}
		finally {
			payload.release();
		}
	}

}
