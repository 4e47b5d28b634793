/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.List;

import io.litemesh.membership.LinkInfo;
import io.litemesh.membership.NodeAdvertisement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTests {

	private static NodeAdvertisement node(String id, boolean leaving, String... linksAndCosts) {
		List<LinkInfo> links = new ArrayList<>();
		for (String link : linksAndCosts) {
			String[] parts = link.split(":");
			links.add(new LinkInfo(parts[0], "tcp", (parts.length > 1) ? Integer.parseInt(parts[1]) : 10));
		}
		return new NodeAdvertisement(id, "c", 1, 1, List.of(), links, List.of(), leaving);
	}

	private static NodeAdvertisement node(String id, String... links) {
		return node(id, false, links);
	}

	@Test
	void chainRoutesThroughTheMiddle() {
		Routes routes = Routes.compute("a", List.of(node("a", "b"), node("b", "a", "c"), node("c", "b")));
		assertThat(routes.route("c")).isEqualTo(new Routes.Route("c", 20, 2, "b"));
		assertThat(routes.route("b")).isEqualTo(new Routes.Route("b", 10, 1, "b"));
		assertThat(routes.route("a")).isEqualTo(new Routes.Route("a", 0, 0, "a"));
	}

	@Test
	void prefersTheCheaperPathOverTheShorterOne() {
		Routes routes = Routes.compute("a", List.of(node("a", "b:10", "d:100"), node("b", "a:10", "c:10"),
				node("c", "b:10", "d:10"), node("d", "a:100", "c:10")));
		assertThat(routes.route("d")).isEqualTo(new Routes.Route("d", 30, 3, "b"));
	}

	@Test
	void linkCountsOnlyWhenBothEndsAdvertiseIt() {
		Routes routes = Routes.compute("a", List.of(node("a", "b"), node("b")));
		assertThat(routes.isReachable("b")).isFalse();
	}

	@Test
	void leavingNodesCarryNoTraffic() {
		Routes routes = Routes.compute("a", List.of(node("a", "b"), node("b", true, "a", "c"), node("c", "b")));
		assertThat(routes.isReachable("b")).isFalse();
		assertThat(routes.isReachable("c")).isFalse();
	}

	@Test
	void unknownNodesAreUnreachable() {
		Routes routes = Routes.compute("a", List.of(node("a", "ghost")));
		assertThat(routes.reachable()).containsExactly("a");
		assertThat(routes.route("ghost")).isNull();
	}

}
