/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.util.List;

import io.litemesh.view.ServiceInfo;

/**
 * What a node floods to the mesh about itself; every node keeps the newest one of each
 * node. Newer means a higher incarnation (the node restarted), or the same incarnation
 * and a higher sequence.
 *
 * @param nodeId the node id
 * @param cluster the cluster name
 * @param incarnation when the node started, in epoch milliseconds
 * @param sequence raised with every new advertisement of one incarnation
 * @param addresses URIs other nodes dial
 * @param links the node's links
 * @param services the services it offers
 * @param leaving whether the node is leaving the mesh
 * @author LiteMesh team
 */
public record NodeAdvertisement(String nodeId, String cluster, long incarnation, long sequence, List<String> addresses,
		List<LinkInfo> links, List<ServiceInfo> services, boolean leaving) {

	/** Most links one advertisement may list; bounds what a peer can make us hold. */
	public static final int MAX_LINKS = 1024;

	/** Most services one advertisement may list. */
	public static final int MAX_SERVICES = 1024;

	/**
	 * Create an advertisement, copying its collections.
	 * @param nodeId the node id
	 * @param cluster the cluster name
	 * @param incarnation when the node started
	 * @param sequence the sequence within the incarnation
	 * @param addresses URIs other nodes dial
	 * @param links the node's links
	 * @param services the services it offers
	 * @param leaving whether the node is leaving
	 * @throws IllegalArgumentException when a link lacks its node or transport, or a
	 * service its name (Jackson reports it as a mapping error)
	 */
	public NodeAdvertisement {
		addresses = List.copyOf(addresses);
		links = List.copyOf(links);
		services = List.copyOf(services);
		// an advertisement comes from the wire: the route table relies on these
		for (LinkInfo link : links) {
			if (link.to() == null || link.transport() == null) {
				throw new IllegalArgumentException("A link of an advertisement lacks its node or transport");
			}
		}
		for (ServiceInfo service : services) {
			if (service.name() == null) {
				throw new IllegalArgumentException("A service of an advertisement lacks its name");
			}
		}
	}

	/**
	 * Return whether this advertisement supersedes another of the same node.
	 * @param other the advertisement held so far
	 * @return {@code true} when this one is newer
	 */
	public boolean isNewerThan(NodeAdvertisement other) {
		return isNewer(this.incarnation, this.sequence, other.incarnation, other.sequence);
	}

	/**
	 * Return whether one version of a node's advertisement supersedes another.
	 * @param incarnation the incarnation of the one
	 * @param sequence its sequence
	 * @param otherIncarnation the incarnation of the other
	 * @param otherSequence its sequence
	 * @return {@code true} for a higher incarnation, or the same and a higher sequence
	 */
	static boolean isNewer(long incarnation, long sequence, long otherIncarnation, long otherSequence) {
		return (incarnation != otherIncarnation) ? incarnation > otherIncarnation : sequence > otherSequence;
	}

	/**
	 * Return whether this advertisement says what another said, whatever their sequences:
	 * a refresh.
	 * @param other another advertisement of the same node
	 * @return {@code true} when only the sequence differs
	 */
	public boolean saysTheSameAs(NodeAdvertisement other) {
		return this.incarnation == other.incarnation && this.leaving == other.leaving
				&& this.nodeId.equals(other.nodeId) && this.cluster.equals(other.cluster)
				&& this.addresses.equals(other.addresses) && this.links.equals(other.links)
				&& this.services.equals(other.services);
	}

	/**
	 * Return whether this advertisement takes away something the one before it said, news
	 * that routes must follow at once: a link that is gone, a leave, or a restart (whose
	 * links are new).
	 * @param previous the advertisement held so far of the same node
	 * @return {@code true} when a link or the node is lost
	 */
	public boolean loses(NodeAdvertisement previous) {
		if (this.incarnation != previous.incarnation || (this.leaving && !previous.leaving)) {
			return true;
		}
		return !this.links.containsAll(previous.links);
	}

	/**
	 * Return whether the node advertises a link to the given node.
	 * @param nodeId the other node
	 * @return {@code true} when a link to it is listed
	 */
	public boolean linksTo(String nodeId) {
		for (LinkInfo link : this.links) {
			if (link.to().equals(nodeId)) {
				return true;
			}
		}
		return false;
	}

}
