/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.time.Clock;
import java.util.List;

import io.litemesh.MeshSettings;
import io.litemesh.MulticastDiscovery;
import io.litemesh.discovery.MulticastBeacons;
import io.litemesh.security.SharedSecret;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Wires a node's discovery: its multicast beacons, when {@code litemesh.discovery.
 * multicast.enabled} is set. Beacons start once the transports know the node's addresses
 * and stop before the transports, so no beacon announces a closed server.
 *
 * @author LiteMesh team
 */
final class Discovery {

	private Discovery() {
	}

	static @Nullable MulticastBeacons beacons(MeshSettings settings, @Nullable SharedSecret secret, Clock clock,
			Scheduler scheduler) {
		MulticastDiscovery multicast = settings.multicast();
		if (!multicast.enabled()) {
			return null;
		}
		return new MulticastBeacons(settings.nodeId(), settings.cluster(), multicast.group(), multicast.port(), secret,
				clock, scheduler);
	}

	static void start(@Nullable MulticastBeacons beacons, List<String> addresses, MeshSettings settings) {
		if (beacons != null) {
			// only TCP addresses: a beacon tells where to dial
			beacons.start(addresses.stream().filter((address) -> address.startsWith("tcp://")).toList(),
					settings.bindAddress());
		}
	}

	static void stop(@Nullable MulticastBeacons beacons) {
		if (beacons != null) {
			beacons.stop();
		}
	}

}
