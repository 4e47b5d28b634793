/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.codec.MessageIds;
import io.litemesh.MeshSettings;
import io.litemesh.NoRouteException;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.RemoteError;
import io.litemesh.codec.ScatterReply;
import io.litemesh.invoke.DefaultMeshContext;
import io.litemesh.invoke.Endpoint;
import io.litemesh.invoke.LocalService;
import io.litemesh.invoke.ServiceRegistry;
import io.litemesh.membership.Membership;
import io.litemesh.membership.Routes;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves calls: to a local bean when the destination is this node, else over the link to
 * the next hop of the least-cost path. Serves calls that originate here (errors as the
 * caller's exceptions) and calls that arrive over a link (errors as error frames),
 * relaying the latter when they are for another node. A relay reads the envelope only;
 * the data passes through.
 *
 * @author LiteMesh team
 */
public final class Router {

	private static final Log logger = LogFactory.getLog(Router.class);

	private final MeshSettings settings;

	private final Membership membership;

	private final LinkRegistry links;

	private final ServiceRegistry services;

	private final AtomicLong hopLimitDrops = new AtomicLong();

	private final AtomicLong malformed = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	/** Requests and streams in flight per node, for anycast to pick the least busy. */
	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	private final Broadcaster broadcaster;

	/**
	 * Create a router.
	 * @param settings the node's settings
	 * @param membership the membership, for routes
	 * @param links the node's links
	 * @param services the local services
	 */
	public Router(MeshSettings settings, Membership membership, LinkRegistry links, ServiceRegistry services) {
		this.settings = settings;
		this.membership = membership;
		this.links = links;
		this.services = services;
		this.broadcaster = new Broadcaster(settings, membership, this);
	}

	/**
	 * Fire-and-forget to many nodes down the broadcast tree, from this node.
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param nodes every node to reach, this one included when it provides the service
	 * @param data the JSON payload
	 * @return completes when one copy per tree edge left this node
	 */
	public Mono<Void> broadcast(String service, String endpoint, List<String> nodes, byte[] data) {
		checkSize(data, new Call("*", 2, this.settings.nodeId(), service, endpoint));
		return this.broadcaster.send(service, endpoint, nodes, data);
	}

	/**
	 * Request-response with many nodes down the broadcast tree, from this node.
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param nodes every node to ask, this one included when it provides the service
	 * @param data the JSON payload
	 * @return one reply per node that answered or failed, as they arrive
	 */
	public Flux<ScatterReply> scatter(String service, String endpoint, List<String> nodes, byte[] data) {
		checkSize(data, new Call("*", 2, this.settings.nodeId(), service, endpoint));
		return this.broadcaster.scatter(service, endpoint, nodes, data);
	}

	Mono<byte[]> invokeLocal(String source, String service, String endpoint, int hops, String messageId, byte[] data) {
		return Mono.defer(() -> endpoint(service, endpoint).invoke(data,
				new DefaultMeshContext(source, service, endpoint, hops, messageId)));
	}

	@Nullable Link neighbour(String nodeId) {
		return this.links.get(nodeId);
	}

	/**
	 * Invoke a local endpoint for a fire-and-forget: nobody waits, so a failure is
	 * logged.
	 */
	void fireLocally(String source, String service, String endpoint, int hops, String messageId, byte[] data) {
		invokeLocal(source, service, endpoint, hops, messageId, data).subscribe(null, (ex) -> logger
			.debug("Fire-and-forget " + service + "." + endpoint + " failed on node " + this.settings.nodeId(), ex));
	}

	/**
	 * Return whether a message that crossed {@code here} links to reach this node may
	 * cross one more, counting it as dropped when not.
	 * @param here the links behind this node: 0 at the sender
	 * @return {@code true} within {@code litemesh.max-hops}
	 */
	boolean mayForward(int here) {
		if (here + 1 <= this.settings.maxHops()) {
			return true;
		}
		this.hopLimitDrops.incrementAndGet();
		return false;
	}

	void countSent() {
		this.sent.incrementAndGet();
	}

	/**
	 * Return how many messages this node handed to its links, relayed ones included.
	 * @return the count
	 */
	public long sentMessages() {
		return this.sent.get();
	}

	/**
	 * Request-response with a node, from this node.
	 * @param call what to call where
	 * @param data the JSON payload
	 * @return the JSON reply; errors are the exceptions the caller sees
	 */
	public Mono<byte[]> request(Call call, byte[] data) {
		return tracked(call.nodeId(), Mono.defer(() -> {
			checkSize(data, call);
			if (isLocal(call.nodeId())) {
				return endpoint(call).invoke(data, localContext(call));
			}
			Envelope envelope = call.envelope(MessageIds.next());
			return link(call.nodeId()).rsocket().requestResponse(payload(envelope, data)).map(Router::data);
		}).onErrorMap((ex) -> callerException(ex, call)));
	}

	/**
	 * Fire-and-forget to a node, from this node.
	 * @param call what to call where
	 * @param data the JSON payload
	 * @return completes when the message left this node (or, local, when the bean was
	 * called)
	 */
	public Mono<Void> fireAndForget(Call call, byte[] data) {
		return Mono.defer(() -> {
			checkSize(data, call);
			if (isLocal(call.nodeId())) {
				Endpoint endpoint = endpoint(call);
				endpoint.invoke(data, localContext(call))
					.subscribe(null, (ex) -> logger.debug("Fire-and-forget " + call + " failed", ex));
				return Mono.<Void>empty();
			}
			Envelope envelope = call.envelope(MessageIds.next());
			return link(call.nodeId()).rsocket().fireAndForget(payload(envelope, data));
		}).onErrorMap((ex) -> callerException(ex, call));
	}

	/**
	 * Request-stream from a node, from this node.
	 * @param call what to call where
	 * @param data the JSON payload
	 * @return the JSON elements, with back-pressure
	 */
	public Flux<byte[]> stream(Call call, byte[] data) {
		return tracked(call.nodeId(), Flux.defer(() -> {
			checkSize(data, call);
			if (isLocal(call.nodeId())) {
				return endpoint(call).invokeStream(data, localContext(call));
			}
			Envelope envelope = call.envelope(MessageIds.next());
			return link(call.nodeId()).rsocket().requestStream(payload(envelope, data)).map(Router::data);
		}).onErrorMap((ex) -> callerException(ex, call)));
	}

	/**
	 * Return how many requests and streams from this node are in flight to a node.
	 * @param nodeId the node
	 * @return the count
	 */
	public int load(String nodeId) {
		return this.inFlight.getOrDefault(nodeId, 0);
	}

	private <T> Mono<T> tracked(String nodeId, Mono<T> call) {
		return call.doOnSubscribe((subscription) -> started(nodeId)).doFinally((signal) -> finished(nodeId));
	}

	private <T> Flux<T> tracked(String nodeId, Flux<T> call) {
		return call.doOnSubscribe((subscription) -> started(nodeId)).doFinally((signal) -> finished(nodeId));
	}

	private void started(String nodeId) {
		this.inFlight.merge(nodeId, 1, Integer::sum);
	}

	private void finished(String nodeId) {
		// an idle node leaves the map, so restarted nodes with new ids do not pile up
		this.inFlight.computeIfPresent(nodeId, (id, count) -> (count > 1) ? count - 1 : null);
	}

	/**
	 * Ask a node for its state, through the mesh.
	 * @param nodeId the node
	 * @return the node's state as JSON
	 */
	public Mono<byte[]> nodeState(String nodeId) {
		Call call = new Call(nodeId, 0, this.settings.nodeId(), Envelope.CONTROL_SERVICE, PeerResponder.STATE);
		return Mono.defer(() -> {
			Envelope envelope = Envelope.control(this.settings.nodeId(), nodeId, PeerResponder.STATE);
			return link(nodeId).rsocket().requestResponse(payload(envelope, new byte[0])).map(Router::data);
		}).onErrorMap((ex) -> callerException(ex, call));
	}

	/**
	 * Serve a request-response that arrived over a link: locally or relayed.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the reply; errors as error frames
	 */
	public Mono<Payload> serveRequest(Envelope envelope, Payload payload) {
		String what = describe(envelope);
		return Mono.defer(() -> {
			if (!isLocal(envelope.destination())) {
				return nextHopOrRelease(envelope, payload).rsocket().requestResponse(relayed(payload));
			}
			byte[] data = data(payload);
			return endpoint(envelope).invoke(data, context(envelope))
				.map((reply) -> checkReply(reply, what))
				.map(Router::replyPayload);
		}).onErrorMap((ex) -> errorFrame(ex, what));
	}

	/**
	 * Serve a fire-and-forget that arrived over a link: locally or relayed.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return completes when handed on
	 */
	public Mono<Void> serveFireAndForget(Envelope envelope, Payload payload) {
		return Mono.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relaySend(envelope, payload);
			}
			if (!isLocal(envelope.destination())) {
				return nextHopOrRelease(envelope, payload).rsocket().fireAndForget(relayed(payload));
			}
			fireLocally(envelope.source(), envelope.service(), envelope.endpoint(), envelope.hops() + 1,
					envelope.messageId(), data(payload));
			return Mono.<Void>empty();
		}).onErrorResume((ex) -> {
			logger.debug("Dropped fire-and-forget " + describe(envelope) + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * Serve a request-stream that arrived over a link: locally or relayed, with
	 * back-pressure and cancellation carried across every hop.
	 * @param envelope its envelope
	 * @param payload the payload as received
	 * @return the elements; errors as error frames
	 */
	public Flux<Payload> serveStream(Envelope envelope, Payload payload) {
		String what = describe(envelope);
		return Flux.defer(() -> {
			if (envelope.isBroadcast()) {
				return this.broadcaster.relayScatter(envelope, payload);
			}
			if (!isLocal(envelope.destination())) {
				return nextHopOrRelease(envelope, payload).rsocket().requestStream(relayed(payload));
			}
			byte[] data = data(payload);
			return endpoint(envelope).invokeStream(data, context(envelope))
				.map((element) -> replyPayload(checkReply(element, what)));
		}).onErrorMap((ex) -> errorFrame(ex, what));
	}

	/**
	 * Count a message that could not be read.
	 */
	public void countMalformed() {
		this.malformed.incrementAndGet();
	}

	/**
	 * Return how many messages were dropped at the hop limit.
	 * @return the count
	 */
	public long hopLimitDrops() {
		return this.hopLimitDrops.get();
	}

	/**
	 * Return how many messages could not be read.
	 * @return the count
	 */
	public long malformedMessages() {
		return this.malformed.get();
	}

	private boolean isLocal(String nodeId) {
		return nodeId.equals(this.settings.nodeId());
	}

	Link link(String nodeId) {
		Routes.Route route = this.membership.routes().route(nodeId);
		Link link = (route != null) ? this.links.get(route.nextHop()) : null;
		if (link == null) {
			throw new NoRouteException("Node '" + nodeId + "' is unreachable from node " + this.settings.nodeId()
					+ ((route != null) ? " (its next hop " + route.nextHop() + " has no open link)" : ""));
		}
		return link;
	}

	private Link nextHopOrRelease(Envelope envelope, Payload payload) {
		try {
			return nextHop(envelope);
		}
		catch (RuntimeException ex) {
			// payloads are slices of the received frame: whoever does not pass one on
			// frees it
			payload.release();
			throw ex;
		}
	}

	private Link nextHop(Envelope envelope) {
		// an envelope's hop count is the links behind the receiving node, less one
		if (!mayForward(envelope.hops() + 1)) {
			throw new NoRouteException("Message " + envelope.messageId() + " from " + envelope.source() + " to "
					+ envelope.destination() + " dropped at node " + this.settings.nodeId() + ": hop limit "
					+ this.settings.maxHops() + " reached (litemesh.max-hops)");
		}
		return link(envelope.destination());
	}

	private Endpoint endpoint(Call call) {
		return endpoint(call.service(), call.endpoint());
	}

	private Endpoint endpoint(Envelope envelope) {
		return endpoint(envelope.service(), envelope.endpoint());
	}

	private Endpoint endpoint(String serviceName, String endpointName) {
		LocalService service = this.services.find(serviceName);
		if (service == null) {
			throw new NoRouteException("Node " + this.settings.nodeId() + " does not offer service '" + serviceName
					+ "'; it offers " + this.services.services().stream().map(LocalService::name).toList());
		}
		Endpoint endpoint = service.endpoint(endpointName);
		if (endpoint == null) {
			throw new NoRouteException("Service '" + serviceName + "' on node " + this.settings.nodeId()
					+ " has no endpoint '" + endpointName + "'; its endpoints are " + service.endpointNames());
		}
		return endpoint;
	}

	private DefaultMeshContext localContext(Call call) {
		return new DefaultMeshContext(call.source(), call.service(), call.endpoint(), 0, MessageIds.next().toString());
	}

	private DefaultMeshContext context(Envelope envelope) {
		return new DefaultMeshContext(envelope.source(), envelope.service(), envelope.endpoint(), envelope.hops() + 1,
				envelope.messageId());
	}

	private void checkSize(byte[] data, Call call) {
		if (data.length > this.settings.maxFrameSize()) {
			throw new PayloadTooLargeException(
					"Payload of " + data.length + " bytes for " + call + " exceeds " + "litemesh.max-frame-size ("
							+ this.settings.maxFrameSize() + " bytes); send less or raise the limit");
		}
	}

	private byte[] checkReply(byte[] reply, String what) {
		if (reply.length > this.settings.maxFrameSize()) {
			throw new PayloadTooLargeException("Reply of " + reply.length + " bytes from " + what + " exceeds "
					+ "litemesh.max-frame-size (" + this.settings.maxFrameSize() + " bytes)");
		}
		return reply;
	}

	private String describe(Envelope envelope) {
		return envelope.service() + "." + envelope.endpoint() + " on node " + this.settings.nodeId();
	}

	private static Throwable callerException(Throwable failure, Call call) {
		return RemoteError.toCallerException(failure, call.toString());
	}

	private static Throwable errorFrame(Throwable failure, String what) {
		return RemoteError.toErrorFrame(failure, what);
	}

	private Payload payload(Envelope envelope, byte[] data) {
		this.sent.incrementAndGet();
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	private Payload relayed(Payload payload) {
		this.sent.incrementAndGet();
		try {
			ByteBuf metadata = Envelope.nextHop(payload.sliceMetadata(), ByteBufAllocator.DEFAULT);
			return ByteBufPayload.create(payload.sliceData().retain(), metadata);
		}
		finally {
			payload.release();
		}
	}

	private static Payload replyPayload(byte[] reply) {
		return ByteBufPayload.create(Unpooled.wrappedBuffer(reply));
	}

	static byte[] data(Payload payload) {
		try {
			return ByteBufUtil.getBytes(payload.sliceData());
		}
		finally {
			payload.release();
		}
	}

	/**
	 * A call from this node to one resolved node.
	 *
	 * @param nodeId the node that serves it
	 * @param mode how the caller addressed it: 0 unicast, 1 anycast, 2 broadcast
	 * @param source who calls: this node's id, or a plain client's name
	 * @param service the service
	 * @param endpoint the endpoint
	 */
	public record Call(String nodeId, int mode, String source, String service, String endpoint) {

		Envelope envelope(UUID id) {
			return new Envelope(Envelope.Kind.CALL, this.mode, 0, id, this.source, this.nodeId, this.service,
					this.endpoint, "");
		}

		@Override
		public String toString() {
			return this.service + "." + this.endpoint + " on node " + this.nodeId;
		}

	}

}
