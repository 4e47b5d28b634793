/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a node holds of one node's advertisement, as the digest it sends a new neighbour
 * lists it: enough for the neighbour to send only what is newer.
 *
 * @param nodeId the node
 * @param incarnation the incarnation of the advertisement held
 * @param sequence its sequence
 * @author LiteMesh team
 */
record DigestEntry(String nodeId, long incarnation, long sequence) {

	/**
	 * Check a digest from the wire and index it by node.
	 * @param digest the digest as read
	 * @param maxNodes the most entries it may hold
	 * @return the entries by node, {@code null} when the digest is malformed or too long
	 */
	static @Nullable Map<String, DigestEntry> parse(@Nullable List<DigestEntry> digest, int maxNodes) {
		if (digest == null || digest.size() > maxNodes) {
			return null;
		}
		Map<String, DigestEntry> held = new HashMap<>(digest.size() * 2);
		for (DigestEntry entry : digest) {
			if (entry == null || !AdvertisementBounds.isName(entry.nodeId())) {
				return null;
			}
			held.put(entry.nodeId(), entry);
		}
		return held;
	}

	static DigestEntry of(NodeAdvertisement advertisement) {
		return new DigestEntry(advertisement.nodeId(), advertisement.incarnation(), advertisement.sequence());
	}

	/**
	 * Return whether the node that sent this entry lacks an advertisement.
	 * @param advertisement an advertisement of the same node
	 * @return {@code true} when it is newer than what the entry says is held
	 */
	boolean isOlderThan(NodeAdvertisement advertisement) {
		return NodeAdvertisement.isNewer(advertisement.incarnation(), advertisement.sequence(), this.incarnation,
				this.sequence);
	}

}
