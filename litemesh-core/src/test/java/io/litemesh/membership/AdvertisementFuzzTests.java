/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.litemesh.MeshNode;
import io.litemesh.MeshSettings;
import io.litemesh.MutationFuzzer;
import io.litemesh.routing.RouteTable;
import io.litemesh.security.SecurityEvents;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.view.ServiceInfo;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the advertisements a neighbour floods: what {@link Membership#receive} accepts
 * must be whole enough for the route table, the real listener, to use; anything else is
 * refused as a Jackson error or dropped and counted. See {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class AdvertisementFuzzTests {

	private static final MeshSettings SETTINGS = MeshNode.builder().nodeId("self").cluster("demo").settings();

	@Test
	void advertisementsAreTakenOrRefused() {
		JsonMapper mapper = JsonMapper.builder().build();
		NodeAdvertisement b = new NodeAdvertisement("b", "demo", 1795327655201L, 7,
				List.of("tcp://10.0.0.2:7070", "jdbc:litemesh"),
				List.of(new LinkInfo("self", "tcp", 1), new LinkInfo("c", "jdbc", 10)),
				List.of(new ServiceInfo("pricing", "1.2", List.of("quote", "stream"), Map.of("region", "eu"))), false);
		NodeAdvertisement c = new NodeAdvertisement("c", "demo", 1, 1, List.of(),
				List.of(new LinkInfo("b", "jdbc", 10)), List.of(), true);
		List<byte[]> seeds = List.of(mapper.writeValueAsBytes(List.of(b, c)), mapper.writeValueAsBytes(List.of(b)),
				MutationFuzzer.utf8("[]"),
				// regression: the JSON null was a NullPointerException
				MutationFuzzer.utf8("null"),
				// regression: a link without transport was taken into the database
				MutationFuzzer.utf8("[{\"nodeId\":\"c\",\"cluster\":\"demo\",\"incarnation\":1,\"sequence\":1,"
						+ "\"addresses\":[],\"links\":[{\"to\":\"b\",\"transport\":null,\"cost\":10}],"
						+ "\"services\":[{\"name\":null,\"endpoints\":[],\"tags\":{}}],\"leaving\":false}]"));
		long cases = MutationFuzzer.fuzz("Membership.receive", seeds, AdvertisementFuzzTests::receive);
		assertThat(cases).isPositive();
	}

	private static boolean receive(byte[] input) {
		RouteTable routes = new RouteTable("self");
		Membership membership = new Membership(SETTINGS, Clock.systemUTC(), 1, List::of, List::of, routes,
				new SecurityEvents("a", Clock.systemUTC()), Schedulers.single());
		membership.setLinks(new LinkRegistry("self", membership));
		try {
			membership.receive(input, "b");
		}
		catch (JacksonException ex) {
			return false;
		}
		List<NodeAdvertisement> held = membership.database().advertisements();
		for (NodeAdvertisement advertisement : held) {
			assertThat(advertisement.nodeId()).isNotBlank();
			assertThat(advertisement.cluster()).isEqualTo("demo");
			assertThat(advertisement.links()).allSatisfy((link) -> {
				assertThat(link.to()).isNotNull();
				assertThat(link.transport()).isNotNull();
			});
			assertThat(advertisement.services()).allSatisfy((service) -> assertThat(service.name()).isNotNull());
		}
		return held.size() > 0;
	}

}
