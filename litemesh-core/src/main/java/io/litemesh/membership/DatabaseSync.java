/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.transport.Link;
import io.litemesh.transport.LinkRegistry;

/**
 * What two nodes exchange of their databases when a link between them comes up. A
 * neighbour new to the mesh (unheard of at this incarnation) lacks everything and gets
 * the database at once, in one trip, as a transient member behind a mailbox waits for; so
 * does one that links to no other node yet. Every neighbour gets a digest and answers
 * with what this node lacks, so a node linking to several neighbours that already know it
 * does not get the database from each, and passes none of it on to the others, whose
 * digests say they hold it.
 *
 * @author LiteMesh team
 */
final class DatabaseSync {

	/** Most digests that wait for the link to their sender. */
	static final int MAX_WAITING = 256;

	private final String localId;

	private final LinkStateDatabase database;

	private final Flooder flooder;

	/** Digests that came before the link to their sender, over a mailbox. */
	private final Map<String, Map<String, DigestEntry>> waiting = new ConcurrentHashMap<>();

	/** Until when each neighbour that got the whole database needs no answer. */
	private final Map<String, Long> pushed = new ConcurrentHashMap<>();

	DatabaseSync(String localId, LinkStateDatabase database, Flooder flooder) {
		this.localId = localId;
		this.database = database;
		this.flooder = flooder;
	}

	/**
	 * Start the exchange over a new link.
	 * @param link the link
	 */
	void linkUp(Link link) {
		LinkStateDatabase.Entry known = this.database.get(link.peerId());
		List<NodeAdvertisement> advertisements = this.database.advertisements();
		if (known == null
				|| (link.peerIncarnation() >= 0 && known.advertisement().incarnation() != link.peerIncarnation())
				|| linksOnlyHere(known.advertisement())) {
			this.pushed.put(link.peerId(), System.nanoTime() + Flooder.DIGEST_LIFETIME.toNanos());
			this.flooder.send(link, advertisements);
		}
		this.flooder.sendDigest(link, advertisements);
		Map<String, DigestEntry> early = this.waiting.remove(link.peerId());
		if (early != null) {
			answer(link, early);
		}
	}

	/**
	 * Return whether a neighbour links to no node but this one: it learned the database
	 * from nobody, though its advertisement may have reached this node before the link,
	 * and a digest would leave it waiting a round trip while this node's floods overtake
	 * the database it lacks.
	 */
	private boolean linksOnlyHere(NodeAdvertisement advertisement) {
		return advertisement.links().stream().allMatch((peer) -> peer.to().equals(this.localId));
	}

	/**
	 * Take the digest a neighbour sent: send it what it lacks, and flood it nothing it
	 * holds for a while.
	 * @param held the digest, by node
	 * @param fromPeer the neighbour
	 * @param links this node's links
	 */
	void digest(Map<String, DigestEntry> held, String fromPeer, LinkRegistry links) {
		Link link = links.get(fromPeer);
		if (link == null) {
			// over a mailbox the digest can come before this side's link to its sender;
			// a bounded few wait, so strangers cannot make this node hold more
			if (this.waiting.size() < MAX_WAITING || this.waiting.containsKey(fromPeer)) {
				this.waiting.put(fromPeer, held);
			}
			return;
		}
		answer(link, held);
	}

	private void answer(Link link, Map<String, DigestEntry> held) {
		Flooder.HeldByPeer byPeer = this.flooder.heldBy(link.peerId(), held);
		Long pushedUntil = this.pushed.remove(link.peerId());
		if (pushedUntil != null && System.nanoTime() - pushedUntil < 0) {
			// the whole database went to it already; what changed since was flooded
			return;
		}
		List<NodeAdvertisement> lacking = new ArrayList<>();
		for (NodeAdvertisement advertisement : this.database.advertisements()) {
			if (byPeer.lacks(advertisement)) {
				lacking.add(advertisement);
			}
		}
		if (!lacking.isEmpty()) {
			this.flooder.send(link, lacking);
		}
	}

	/**
	 * Forget a neighbour whose links are all gone.
	 * @param peer the neighbour
	 */
	void forget(String peer) {
		this.pushed.remove(peer);
		this.waiting.remove(peer);
		this.flooder.forget(peer);
	}

}
