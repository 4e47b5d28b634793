/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes on namespace hosts that know no seeds and find each other by multicast beacons
 * alone, IPv4 and IPv6.
 *
 * @author LiteMesh team
 */
@ExtendWith(NetnsRig.PrintLogsOnFailure.class)
class MulticastDiscoveryNetnsTests {

	private static final String SECRET = "secret=rig-secret-42";

	@Test
	void sixNodesStartedAtOnceFormOneMeshOverIpv4Beacons() {
		assertOneMesh(6, "239.255.76.77:7077");
	}

	@Test
	void threeNodesFormOneMeshOverIpv6Beacons() {
		assertOneMesh(3, "ff15::4c4d:7077");
	}

	private static void assertOneMesh(int count, String multicast) {
		try (NetnsRig rig = NetnsRig.create(count)) {
			long launched = System.currentTimeMillis();
			List<CompletableFuture<RigNode>> starting = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				NetnsRig.Host host = rig.host(i);
				String id = "m" + i;
				// a thread each: the nodes start at once, as a deployment's would
				starting.add(CompletableFuture.supplyAsync(
						() -> rig.start(host, "id=" + id, SECRET, "multicast=" + multicast),
						(task) -> new Thread(task).start()));
			}
			List<RigNode> nodes = starting.stream().map(CompletableFuture::join).toList();
			long up = System.currentTimeMillis();
			long converged = NetnsMeshTests.awaitMesh(nodes);
			for (RigNode node : nodes) {
				String log = read(node);
				assertThat(log).contains("multicast beacons on group");
				assertThat(log).doesNotContain("LiteMesh node " + node.id() + " found no multicast");
			}
			RigNode first = nodes.get(0);
			assertThat(first.call("hello m" + count + " beacon")).isEqualTo("hello beacon from m" + count);
			System.out.println("netns multicast " + multicast + ": " + count + " nodes with no seeds formed one mesh "
					+ (converged - launched) + " ms after launch, " + Math.max(0, converged - up)
					+ " ms after the last node was up");
		}
	}

	private static String read(RigNode node) {
		try {
			return java.nio.file.Files.readString(node.log());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
