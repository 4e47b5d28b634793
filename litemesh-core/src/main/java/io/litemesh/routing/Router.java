/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import io.litemesh.MeshSettings;
import io.litemesh.MeshTimeoutException;
import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.MessageIds;
import io.litemesh.codec.RemoteError;
import io.litemesh.codec.ScatterReply;
import io.litemesh.invoke.DefaultMeshContext;
import io.litemesh.invoke.ServiceRegistry;
import io.litemesh.membership.NodeAdvertisement;
import io.litemesh.observation.MeshObservations;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.view.PeerStatistics;
import io.rsocket.Payload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves the calls that originate on this node: to a local bean when the destination is
 * this node, else over the link to the next hop of the least-cost path, with errors as
 * the caller's exceptions. Tracks the requests in flight per node, so anycast can pick
 * the least busy provider. Wires the routing layer: {@link #inbound} serves what arrives
 * over links.
 *
 * @author LiteMesh team
 */
public final class Router {

	private final String localId;

	private final TrafficCounters counters = new TrafficCounters();

	private final Forwarder forwarder;

	private final LocalDispatcher dispatcher;

	private final Broadcaster broadcaster;

	private final InboundRouter inbound;

	private final Duration timeout;

	private final PeerMonitor peers;

	private final RouteTable routeTable;

	/**
	 * The end-to-end deadline of every call from this node, whatever the hop count: a
	 * publisher, not a {@code Duration}, so Reactor neither schedules a task per call nor
	 * describes the source for the message (a regex over the operator chain, once 9% of a
	 * node's CPU at load).
	 */
	private final CallDeadline deadline;

	/** Requests and streams in flight per node, for anycast to pick the least busy. */
	private final InFlight inFlight = new InFlight();

	/**
	 * Create a router.
	 * @param settings the node's settings
	 * @param routeTable the routes
	 * @param links the node's links
	 * @param services the local services
	 * @param access who may call which local service
	 * @param observations how the calls local beans serve are observed
	 */
	public Router(MeshSettings settings, RouteTable routeTable, LinkRegistry links, ServiceRegistry services,
			AccessRules access, MeshObservations observations) {
		this.localId = settings.nodeId();
		this.timeout = settings.requestTimeout();
		this.deadline = new CallDeadline(this.timeout);
		this.peers = new PeerMonitor(this.localId, links, this.timeout);
		this.routeTable = routeTable;
		this.forwarder = new Forwarder(this.localId, settings.maxHops(), routeTable, links, this.counters);
		this.dispatcher = new LocalDispatcher(this.localId, settings.maxFrameSize(), services, access, this.counters,
				observations);
		this.broadcaster = new Broadcaster(this.localId, settings.maxHops(), routeTable, this.forwarder,
				this.dispatcher);
		this.inbound = new InboundRouter(this.localId, this.forwarder, this.dispatcher, this.broadcaster,
				this.counters);
	}

	/**
	 * Fire-and-forget to many nodes down the broadcast tree, from this node.
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param nodes every node to reach, this one included when it provides the service
	 * @param data the JSON payload
	 * @param trace the caller's trace as a W3C {@code traceparent}, {@code ""} for none
	 * @return completes when one copy per tree edge left this node
	 */
	public Mono<Void> broadcast(String service, String endpoint, List<String> nodes, byte[] data, String trace) {
		this.dispatcher.checkSize(data, new Call("*", Envelope.Mode.BROADCAST, this.localId, service, endpoint));
		return this.broadcaster.send(service, endpoint, nodes, data, trace);
	}

	/**
	 * Request-response with many nodes down the broadcast tree, from this node.
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param nodes every node to ask, this one included when it provides the service
	 * @param data the JSON payload
	 * @param trace the caller's trace as a W3C {@code traceparent}, {@code ""} for none
	 * @return one reply per node that answered or failed, as they arrive
	 */
	public Flux<ScatterReply> scatter(String service, String endpoint, List<String> nodes, byte[] data, String trace) {
		this.dispatcher.checkSize(data, new Call("*", Envelope.Mode.BROADCAST, this.localId, service, endpoint));
		return this.broadcaster.scatter(service, endpoint, nodes, data, trace);
	}

	/**
	 * Request-response with a node, from this node.
	 * @param call what to call where
	 * @param data the JSON payload
	 * @return the JSON reply; errors are the exceptions the caller sees
	 */
	public Mono<byte[]> request(Call call, byte[] data) {
		return request(call, data, Function.identity());
	}

	/**
	 * Request-response with a node, from this node, reading the reply as it arrives: one
	 * subscriber does what a {@code map} after {@link #request(Call, byte[])} would.
	 * @param <T> what the reply is read as
	 * @param call what to call where
	 * @param data the JSON payload
	 * @param reader reads the JSON reply, {@code null} for no value; what it throws fails
	 * the call as it is
	 * @return the reply read; errors are the exceptions the caller sees
	 */
	public <T> Mono<T> request(Call call, byte[] data, Function<byte[], @Nullable T> reader) {
		if (!isLocal(call)) {
			return new RemoteRequest<>(this, call, data, reader);
		}
		return localRequest(call, data).mapNotNull(reader);
	}

	private Mono<byte[]> localRequest(Call call, byte[] data) {
		return Mono.using(() -> this.inFlight.started(call.nodeId()), (count) -> {
			this.dispatcher.checkSize(data, call);
			return this.dispatcher.request(localContext(call), data, call.trace(), "request");
		}, this.inFlight::finished)
			.onErrorMap((ex) -> callerException(ex, call))
			.timeout(this.deadline, Mono.error(() -> timedOut(call)));
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
			this.dispatcher.checkSize(data, call);
			if (isLocal(call)) {
				this.dispatcher.fire(localContext(call), data, call.trace());
				return Mono.<Void>empty();
			}
			Link link = this.forwarder.link(call.nodeId());
			return link.rsocket().fireAndForget(this.forwarder.payload(call.envelope(MessageIds.next()), data));
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
			this.dispatcher.checkSize(data, call);
			if (isLocal(call)) {
				return this.dispatcher.stream(localContext(call), data, call.trace());
			}
			Link link = this.forwarder.link(call.nodeId());
			Payload payload = this.forwarder.payload(call.envelope(MessageIds.next()), data);
			return link.rsocket().requestStream(payload).map(LocalDispatcher::data);
		}).onErrorMap((ex) -> callerException(ex, call)))
			// the deadline is the first element's: a stream may run as long as it sends
			.timeout(this.deadline, (element) -> Mono.never(), Flux.error(() -> timedOut(call)));
	}

	/**
	 * Ask a node for its state, through the mesh.
	 * @param nodeId the node
	 * @return the node's state as JSON
	 */
	public Mono<byte[]> nodeState(String nodeId) {
		Call call = new Call(nodeId, Envelope.Mode.UNICAST, this.localId, Envelope.CONTROL_SERVICE,
				ControlOperation.STATE.wireName());
		return Mono.defer(() -> {
			Envelope envelope = Envelope.control(this.localId, nodeId, ControlOperation.STATE);
			Link link = this.forwarder.link(nodeId);
			return link.rsocket()
				.requestResponse(this.forwarder.payload(envelope, new byte[0]))
				.map(LocalDispatcher::data);
		}).onErrorMap((ex) -> callerException(ex, call));
	}

	/**
	 * Return how many requests and streams from this node are in flight to a node.
	 * @param nodeId the node
	 * @return the count
	 */
	public int load(String nodeId) {
		return this.inFlight.count(nodeId);
	}

	/**
	 * Time the round trip of every open link, and forget the nodes that are gone.
	 */
	public void pingLinks() {
		Predicate<String> known = (nodeId) -> this.routeTable.advertisement(nodeId) != null;
		this.peers.ping(known);
		this.inFlight.forget(known);
	}

	/**
	 * Return what this node sees of its traffic with every other node it knows.
	 * @return one entry per node, sorted by id
	 */
	public List<PeerStatistics> peerStatistics() {
		List<String> nodes = new ArrayList<>();
		for (NodeAdvertisement advertisement : this.routeTable.advertisements()) {
			if (!advertisement.nodeId().equals(this.localId)) {
				nodes.add(advertisement.nodeId());
			}
		}
		return this.peers.statistics(nodes, this::load);
	}

	/**
	 * Return the counters of this node's routing layer.
	 * @return the counters now
	 */
	public RoutingStatistics statistics() {
		return this.counters.snapshot();
	}

	/**
	 * Return what serves the calls that arrive over links.
	 * @return the inbound half of the router
	 */
	InboundRouter inbound() {
		return this.inbound;
	}

	private <T> Flux<T> tracked(String nodeId, Flux<T> call) {
		return Flux.using(() -> this.inFlight.started(nodeId), (count) -> call, this.inFlight::finished);
	}

	/**
	 * Return the link a call from this node leaves on, checking its size first.
	 */
	Link link(Call call, byte[] data) {
		this.dispatcher.checkSize(data, call);
		return this.forwarder.link(call.nodeId());
	}

	/**
	 * Build the payload of a call from this node.
	 */
	Payload payload(Call call, byte[] data) {
		return this.forwarder.payload(call.envelope(MessageIds.next()), data);
	}

	/**
	 * Check that a caller may call a service of this node.
	 * @throws io.litemesh.MeshAccessDeniedException when the access rules deny it
	 */
	void checkAccess(String caller, String service, String endpoint) {
		this.dispatcher.checkAccess(new DefaultMeshContext(caller, service, endpoint, 0, ""));
	}

	CallDeadline deadline() {
		return this.deadline;
	}

	InFlight inFlight() {
		return this.inFlight;
	}

	private boolean isLocal(Call call) {
		return call.nodeId().equals(this.localId);
	}

	private static DefaultMeshContext localContext(Call call) {
		return new DefaultMeshContext(call.source(), call.service(), call.endpoint(), 0, MessageIds.next());
	}

	Throwable callerException(Throwable failure, Call call) {
		Throwable exception = RemoteError.toCallerException(failure, call.toString());
		this.peers.failed(call.nodeId(), exception);
		return exception;
	}

	/**
	 * Return the failure of a call that had no answer within the request timeout.
	 * @param call the call
	 * @return the exception its caller sees
	 */
	public MeshTimeoutException timedOut(Call call) {
		MeshTimeoutException timedOut = new MeshTimeoutException("No answer from " + call + " within " + this.timeout
				+ " (litemesh.request-timeout); the node may be overloaded or the timeout too short");
		this.peers.failed(call.nodeId(), timedOut);
		return timedOut;
	}

	/**
	 * A call from this node to one resolved node.
	 *
	 * @param nodeId the node that serves it
	 * @param mode how the caller addressed it
	 * @param source who calls: this node's id, or a plain client's name
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param trace the caller's trace as a W3C {@code traceparent}, {@code ""} for none
	 */
	public record Call(String nodeId, Envelope.Mode mode, String source, String service, String endpoint,
			String trace) {

		/**
		 * Create a call that carries no trace.
		 * @param nodeId the node that serves it
		 * @param mode how the caller addressed it
		 * @param source who calls: this node's id, or a plain client's name
		 * @param service the service
		 * @param endpoint the endpoint
		 */
		public Call(String nodeId, Envelope.Mode mode, String source, String service, String endpoint) {
			this(nodeId, mode, source, service, endpoint, "");
		}

		Envelope envelope(UUID id) {
			return new Envelope(Envelope.Kind.CALL, this.mode, 0, id, this.source, this.nodeId, this.service,
					this.endpoint, this.trace);
		}

		@Override
		public String toString() {
			return this.service + "." + this.endpoint + " on node " + this.nodeId;
		}

	}

}
