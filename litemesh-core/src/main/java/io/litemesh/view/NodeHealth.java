/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The health of one node: what {@code GET /actuator/mesh/{nodeId}} shows as
 * {@code health} and the {@code mesh} health indicator as its details. Its fields, in
 * this order, are the JSON the endpoint and the {@code state} control operation carry.
 *
 * @param status {@code UP} while the node runs, else {@code DOWN}
 * @param nodeId the node's id
 * @param peersKnown other nodes the node knows of
 * @param peersReachable other nodes the node can reach
 * @param links links the node holds to its neighbours
 * @param messagesSent messages the node handed to its links
 * @param hopLimitDrops messages dropped at the hop limit
 * @param malformedMessages messages that could not be read
 * @param droppedAdvertisements advertisements dropped
 * @param refusedConnections connections refused
 * @param transports the state of each durable transport, {@code null} when the node has
 * none
 * @param advertisedAddressVerified whether the node reached itself at its advertised
 * address, {@code null} when it does not listen
 * @param deniedCalls calls to the node's services that its access rules denied
 * @author LiteMesh team
 */
public record NodeHealth(String status, String nodeId, long peersKnown, long peersReachable, int links,
		long messagesSent, long hopLimitDrops, long malformedMessages, long droppedAdvertisements,
		long refusedConnections, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<TransportHealth> transports,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean advertisedAddressVerified, long deniedCalls) {

	/**
	 * Create the health of a node from its counters.
	 * @param up whether the node runs
	 * @param nodeId the node's id
	 * @param statistics the node's counters
	 * @param transports the state of each durable transport
	 * @param advertisedAddressVerified whether the node reached itself at its advertised
	 * address, {@code null} when it does not listen
	 * @return the health
	 */
	public static NodeHealth of(boolean up, String nodeId, NodeStatistics statistics, List<TransportHealth> transports,
			@Nullable Boolean advertisedAddressVerified) {
		return new NodeHealth(up ? "UP" : "DOWN", nodeId, statistics.peersKnown(), statistics.peersReachable(),
				statistics.links(), statistics.messagesSent(), statistics.hopLimitDrops(),
				statistics.malformedMessages(), statistics.droppedAdvertisements(), statistics.refusedConnections(),
				transports.isEmpty() ? null : List.copyOf(transports), advertisedAddressVerified,
				statistics.deniedCalls());
	}

	/**
	 * Return whether the node runs.
	 * @return {@code true} when its status is {@code UP}
	 */
	@JsonIgnore
	public boolean isUp() {
		return "UP".equals(this.status);
	}

}
