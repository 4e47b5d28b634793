/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

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

	static DigestEntry of(NodeAdvertisement advertisement) {
		return new DigestEntry(advertisement.nodeId(), advertisement.incarnation(), advertisement.sequence());
	}

	/**
	 * Return whether the node that sent this entry lacks an advertisement.
	 * @param advertisement an advertisement of the same node
	 * @return {@code true} when it is newer than what the entry says is held
	 */
	boolean isOlderThan(NodeAdvertisement advertisement) {
		return (this.incarnation != advertisement.incarnation()) ? advertisement.incarnation() > this.incarnation
				: advertisement.sequence() > this.sequence;
	}

}
