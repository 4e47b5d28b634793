/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import io.litemesh.MeshNode;
import io.litemesh.view.NodeHealth;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for the local {@link MeshNode}: up while the node runs and
 * reports itself up, with the node's own details ({@code peersKnown},
 * {@code peersReachable}, ...).
 *
 * @author LiteMesh team
 */
public class MeshHealthIndicator extends AbstractHealthIndicator {

	private final MeshNode node;

	/**
	 * Create a new health indicator.
	 * @param node the local node
	 */
	public MeshHealthIndicator(MeshNode node) {
		super("LiteMesh health check failed");
		this.node = node;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		NodeHealth health = this.node.health();
		if (health.isUp()) {
			builder.up();
		}
		else {
			builder.down();
		}
		// the status is the indicator's own; a null detail is not allowed
		builder.withDetail("nodeId", health.nodeId())
			.withDetail("peersKnown", health.peersKnown())
			.withDetail("peersReachable", health.peersReachable())
			.withDetail("links", health.links())
			.withDetail("messagesSent", health.messagesSent())
			.withDetail("hopLimitDrops", health.hopLimitDrops())
			.withDetail("malformedMessages", health.malformedMessages())
			.withDetail("droppedAdvertisements", health.droppedAdvertisements())
			.withDetail("refusedConnections", health.refusedConnections())
			.withDetail("deniedCalls", health.deniedCalls());
		if (health.transports() != null) {
			builder.withDetail("transports", health.transports());
		}
		if (health.advertisedAddressVerified() != null) {
			builder.withDetail("advertisedAddressVerified", health.advertisedAddressVerified());
		}
	}

}
