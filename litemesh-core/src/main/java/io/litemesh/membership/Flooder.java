/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.litemesh.codec.ControlOperation;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;
import io.netty.buffer.ByteBufAllocator;
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
 * fire-and-forget control messages in batches, and the leave message with bounded
 * confirmation. For a while after a neighbour's digest (see {@link DatabaseSync}) it
 * floods that neighbour nothing the digest said it holds.
 *
 * @author LiteMesh team
 */
final class Flooder {

	private static final Log logger = LogFactory.getLog(Flooder.class);

	/**
	 * Most advertisements in one message: a database of a thousand nodes goes in a few
	 * frames of some hundred kilobytes rather than one of several megabytes.
	 */
	static final int BATCH = 200;

	/** How long a neighbour's digest says what it holds: the time a join settles in. */
	static final Duration DIGEST_LIFETIME = Duration.ofSeconds(10);

	private final String localId;

	private final Supplier<LinkRegistry> links;

	private final JsonMapper mapper;

	private final Map<String, HeldByPeer> digests = new ConcurrentHashMap<>();

	private final AtomicLong messages = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	Flooder(String localId, Supplier<LinkRegistry> links, JsonMapper mapper) {
		this.localId = localId;
		this.links = links;
		this.mapper = mapper;
	}

	/**
	 * Send advertisements to every neighbour but one, leaving out what a neighbour's
	 * recent digest says it holds.
	 * @param advertisements what to send
	 * @param exceptPeer the neighbour they came from, {@code null} for none
	 */
	void flood(List<NodeAdvertisement> advertisements, @Nullable String exceptPeer) {
		LinkRegistry registry = this.links.get();
		// a neighbour may be linked several ways; it gets one copy, over its cheapest
		// link
		Set<String> peers = new HashSet<>();
		for (Link link : registry.links()) {
			peers.add(link.peerId());
		}
		peers.remove(exceptPeer);
		List<byte[]> all = null;
		for (String peer : peers) {
			Link cheapest = registry.get(peer);
			if (cheapest == null) {
				continue;
			}
			List<NodeAdvertisement> lacking = lacking(peer, advertisements);
			if (lacking == advertisements) {
				all = (all != null) ? all : encode(advertisements);
				all.forEach((json) -> send(cheapest, json));
			}
			else {
				encode(lacking).forEach((json) -> send(cheapest, json));
			}
		}
	}

	private List<NodeAdvertisement> lacking(String peer, List<NodeAdvertisement> advertisements) {
		HeldByPeer held = this.digests.get(peer);
		if (held == null) {
			return advertisements;
		}
		if (held.isStale()) {
			this.digests.remove(peer, held);
			return advertisements;
		}
		List<NodeAdvertisement> lacking = new ArrayList<>(advertisements.size());
		for (NodeAdvertisement advertisement : advertisements) {
			if (held.lacks(advertisement)) {
				lacking.add(advertisement);
			}
		}
		return (lacking.size() == advertisements.size()) ? advertisements : lacking;
	}

	/**
	 * Send advertisements to one neighbour, in batches.
	 * @param link the link to the neighbour
	 * @param advertisements what to send
	 */
	void send(Link link, List<NodeAdvertisement> advertisements) {
		encode(advertisements).forEach((json) -> send(link, json));
	}

	/**
	 * Send a new neighbour the digest of what this node holds.
	 * @param link the link to the neighbour
	 * @param advertisements the database
	 */
	void sendDigest(Link link, List<NodeAdvertisement> advertisements) {
		List<DigestEntry> digest = new ArrayList<>(advertisements.size());
		for (NodeAdvertisement advertisement : advertisements) {
			digest.add(DigestEntry.of(advertisement));
		}
		sendControl(link, ControlOperation.DIGEST, this.mapper.writeValueAsBytes(digest));
	}

	/**
	 * Remember, for a while, what a neighbour's digest said it holds, and flood it none
	 * of that.
	 * @param peer the neighbour
	 * @param held its digest, by node
	 * @return what it holds
	 */
	HeldByPeer heldBy(String peer, Map<String, DigestEntry> held) {
		HeldByPeer byPeer = new HeldByPeer(held, System.nanoTime() + DIGEST_LIFETIME.toNanos());
		this.digests.put(peer, byPeer);
		return byPeer;
	}

	/**
	 * Forget what a neighbour held, once its link is gone.
	 * @param peer the neighbour
	 */
	void forget(String peer) {
		this.digests.remove(peer);
	}

	private List<byte[]> encode(List<NodeAdvertisement> advertisements) {
		if (advertisements.size() <= BATCH) {
			return List.of(this.mapper.writeValueAsBytes(advertisements));
		}
		List<byte[]> batches = new ArrayList<>();
		for (int from = 0; from < advertisements.size(); from += BATCH) {
			batches.add(this.mapper
				.writeValueAsBytes(advertisements.subList(from, Math.min(advertisements.size(), from + BATCH))));
		}
		return batches;
	}

	private void send(Link link, byte[] json) {
		sendControl(link, ControlOperation.ADVERTISE, json);
	}

	private void sendControl(Link link, ControlOperation operation, byte[] json) {
		this.messages.incrementAndGet();
		this.bytes.addAndGet(json.length);
		link.rsocket()
			.fireAndForget(control(operation, json))
			.subscribe(null,
					(ex) -> logger.debug("Could not send " + operation.wireName() + " to " + link.peerId(), ex));
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
		return ByteBufPayload.create(JsonCodec.direct(json), envelope.encode(ByteBufAllocator.DEFAULT));
	}

	/**
	 * Return how many membership messages (advertisements and digests) this node sent.
	 * @return the count
	 */
	long messages() {
		return this.messages.get();
	}

	/**
	 * Return how many bytes of JSON those messages carried.
	 * @return the count
	 */
	long bytes() {
		return this.bytes.get();
	}

	record HeldByPeer(Map<String, DigestEntry> byNode, long expiresAtNanos) {

		boolean isStale() {
			return System.nanoTime() - this.expiresAtNanos > 0;
		}

		boolean lacks(NodeAdvertisement advertisement) {
			DigestEntry held = this.byNode.get(advertisement.nodeId());
			return held == null || held.isOlderThan(advertisement);
		}

	}

}
