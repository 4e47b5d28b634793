/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends advertisements to neighbours: one copy per neighbour over its cheapest link, as
 * fire-and-forget control messages, and the leave message with bounded confirmation.
 *
 * @author LiteMesh team
 */
final class Flooder {

	private static final Log logger = LogFactory.getLog(Flooder.class);

	private final String localId;

	private final Supplier<LinkRegistry> links;

	private final JsonMapper mapper;

	Flooder(String localId, Supplier<LinkRegistry> links, JsonMapper mapper) {
		this.localId = localId;
		this.links = links;
		this.mapper = mapper;
	}

	/**
	 * Send advertisements to every neighbour but one.
	 * @param advertisements what to send
	 * @param exceptPeer the neighbour they came from, {@code null} for none
	 */
	void flood(List<NodeAdvertisement> advertisements, @Nullable String exceptPeer) {
		byte[] json = this.mapper.writeValueAsBytes(advertisements);
		LinkRegistry registry = this.links.get();
		// a neighbour may be linked several ways; it gets one copy, over its cheapest
		// link
		Set<String> peers = new HashSet<>();
		for (Link link : registry.links()) {
			peers.add(link.peerId());
		}
		peers.remove(exceptPeer);
		for (String peer : peers) {
			Link cheapest = registry.get(peer);
			if (cheapest != null) {
				send(cheapest, json);
			}
		}
	}

	/**
	 * Send advertisements to one neighbour.
	 * @param link the link to the neighbour
	 * @param advertisements what to send
	 */
	void send(Link link, List<NodeAdvertisement> advertisements) {
		send(link, this.mapper.writeValueAsBytes(advertisements));
	}

	private void send(Link link, byte[] json) {
		link.rsocket()
			.fireAndForget(control(ControlOperation.ADVERTISE, json))
			.subscribe(null, (ex) -> logger.debug("Could not send advertisements to " + link.peerId(), ex));
	}

	/**
	 * Tell every neighbour, over every link, that this node leaves, and wait (bounded)
	 * for them to confirm.
	 * @param last the node's last advertisement, marked as leaving
	 * @param timeout how long to wait for the confirmations
	 */
	void leave(NodeAdvertisement last, Duration timeout) {
		byte[] json = this.mapper.writeValueAsBytes(List.of(last));
		Flux.fromIterable(this.links.get().links())
			.flatMap((link) -> link.rsocket()
				.requestResponse(control(ControlOperation.LEAVE, json))
				.doOnNext(Payload::release)
				.then()
				.onErrorComplete())
			.then()
			.timeout(timeout, Mono.empty())
			.block();
	}

	private Payload control(ControlOperation operation, byte[] json) {
		Envelope envelope = Envelope.control(this.localId, "", operation);
		return ByteBufPayload.create(Unpooled.wrappedBuffer(json), envelope.encode(ByteBufAllocator.DEFAULT));
	}

}
