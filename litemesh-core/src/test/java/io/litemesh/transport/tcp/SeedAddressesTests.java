/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds with host names stand for every address they resolve to, resolved again while the
 * node runs.
 */
class SeedAddressesTests {

	private final Map<String, List<String>> dns = new ConcurrentHashMap<>();

	private final SeedAddresses.Lookup lookup = (host) -> {
		List<String> addresses = this.dns.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		return addresses.stream().map(SeedAddressesTests::literal).toArray(InetAddress[]::new);
	};

	@Test
	void literalSeedsAreDialledAsWritten() {
		SeedAddresses seeds = seeds(List.of("10.0.0.1:7070", "[fd00::1]:7071", "tcp://10.0.0.2:7072"));
		seeds.resolveAll();
		assertThat(seeds.current()).containsExactly("10.0.0.1:7070", "[fd00::1]:7071", "tcp://10.0.0.2:7072");
	}

	@Test
	void nameStandsForEveryAddressOnceResolved() {
		SeedAddresses seeds = seeds(List.of("mesh.svc:7070", "10.9.9.9:7070"));
		// not resolvable yet (whether or not the background round has run): dialled as
		// written
		assertThat(seeds.current()).containsExactly("mesh.svc:7070", "10.9.9.9:7070");
		this.dns.put("mesh.svc", List.of("10.0.0.1", "10.0.0.2", "fd00::3"));
		seeds.resolveAll();
		assertThat(seeds.current()).containsExactly("10.0.0.1:7070", "10.0.0.2:7070", "[fd00:0:0:0:0:0:0:3]:7070",
				"10.9.9.9:7070");
	}

	@Test
	void nameIsResolvedAgainAndKeepsItsAddressesWhenItFailsToResolve() {
		this.dns.put("mesh.svc", List.of("10.0.0.1"));
		SeedAddresses seeds = seeds(List.of("mesh.svc"));
		seeds.resolveAll();
		assertThat(seeds.current()).containsExactly("10.0.0.1:7070");
		this.dns.put("mesh.svc", List.of("10.0.0.1", "10.0.0.4"));
		seeds.resolveAll();
		assertThat(seeds.current()).containsExactly("10.0.0.1:7070", "10.0.0.4:7070");
		this.dns.remove("mesh.svc");
		seeds.resolveAll();
		assertThat(seeds.current()).containsExactly("10.0.0.1:7070", "10.0.0.4:7070");
	}

	@Test
	void addressesOfOneNameAreBounded() {
		this.dns.put("big.svc", java.util.stream.IntStream.range(1, 100).mapToObj((i) -> "10.0.1." + i).toList());
		SeedAddresses seeds = seeds(List.of("big.svc:7070"));
		seeds.resolveAll();
		assertThat(seeds.current()).hasSize(SeedAddresses.MAX_ADDRESSES);
	}

	private SeedAddresses seeds(List<String> seeds) {
		return new SeedAddresses("n", seeds, this.lookup, Clock.systemUTC());
	}

	private static InetAddress literal(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
