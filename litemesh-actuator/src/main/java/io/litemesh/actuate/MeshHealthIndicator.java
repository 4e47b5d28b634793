/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.util.Map;

import io.litemesh.MeshNode;

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
		Map<String, Object> health = this.node.health();
		boolean up = "UP".equals(health.get("status"));
		if (up) {
			builder.up();
		}
		else {
			builder.down();
		}
		health.forEach((name, value) -> {
			// The status is the indicator's own; a null detail is not allowed
			if (!"status".equals(name) && value != null) {
				builder.withDetail(name, value);
			}
		});
	}

}
