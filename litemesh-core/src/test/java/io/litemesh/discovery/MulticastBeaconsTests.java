/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.litemesh.discovery.MulticastBeacons.Drop;
import io.litemesh.discovery.MulticastBeacons.Heard;
import io.litemesh.security.SharedSecret;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a node makes of the datagrams it reads on the beacon group; the datagrams crossing
 * real hosts are {@code io.litemesh.netns.MulticastDiscoveryNetnsTests}'.
 */
class MulticastBeaconsTests {

	private static final List<String> ADDRESSES = List.of("tcp://10.231.0.2:7070");

	private final Clock clock = Clock.systemUTC();

	private final SharedSecret secret = new SharedSecret("beacon-secret-1", this.clock);

	private final MulticastBeacons signed = beacons(this.secret);

	private static MulticastBeacons beacons(SharedSecret secret) {
		return new MulticastBeacons("a", "blue", MulticastDiscovery.group(), 7077, secret, Clock.systemUTC(),
				Schedulers.immediate());
	}

	@Test
	void signedBeaconOfTheClusterIsHeard() {
		receive(this.signed, Beacon.of("blue", "b", ADDRESSES, this.clock.millis(), this.secret).encode());
		assertThat(this.signed.heard()).containsExactly(new Heard("b", ADDRESSES));
		assertThat(this.signed.dropped().values()).allMatch((count) -> count == 0);
	}

	@Test
	void unsignedBeaconIsHeardOnlyWithoutSecret() {
		byte[] unsigned = Beacon.of("blue", "b", ADDRESSES, this.clock.millis(), null).encode();
		receive(this.signed, unsigned);
		assertThat(this.signed.heard()).isEmpty();
		assertThat(this.signed.dropped()).containsEntry(Drop.UNSIGNED, 1L);
		MulticastBeacons open = beacons(null);
		receive(open, unsigned);
		assertThat(open.heard()).extracting(Heard::nodeId).containsExactly("b");
	}

	@Test
	void beaconSignedWithAnotherSecretIsDropped() {
		SharedSecret other = new SharedSecret("another-secret", this.clock);
		receive(this.signed, Beacon.of("blue", "b", ADDRESSES, this.clock.millis(), other).encode());
		assertThat(this.signed.heard()).isEmpty();
		assertThat(this.signed.dropped()).containsEntry(Drop.BAD_PROOF, 1L);
	}

	@Test
	void tamperedAddressBreaksTheProof() {
		String json = new String(Beacon.of("blue", "b", ADDRESSES, this.clock.millis(), this.secret).encode(),
				StandardCharsets.UTF_8);
		receive(this.signed, json.replace("10.231.0.2", "10.231.0.9").getBytes(StandardCharsets.UTF_8));
		assertThat(this.signed.dropped()).containsEntry(Drop.BAD_PROOF, 1L);
	}

	@Test
	void replayedOldBeaconIsDropped() {
		long old = this.clock.millis() - HeardNodes.MAX_SKEW.plus(Duration.ofSeconds(1)).toMillis();
		receive(this.signed, Beacon.of("blue", "b", ADDRESSES, old, this.secret).encode());
		assertThat(this.signed.dropped()).containsEntry(Drop.STALE, 1L);
	}

	@Test
	void foreignAndOwnBeaconsAreDropped() {
		receive(this.signed, Beacon.of("red", "b", ADDRESSES, this.clock.millis(), this.secret).encode());
		receive(this.signed, Beacon.of("blue", "a", ADDRESSES, this.clock.millis(), this.secret).encode());
		assertThat(this.signed.heard()).isEmpty();
		assertThat(this.signed.dropped()).containsEntry(Drop.FOREIGN, 1L).containsEntry(Drop.OWN, 1L);
	}

	@Test
	void malformedAndOversizedDatagramsAreDropped() {
		receive(this.signed, "not json".getBytes(StandardCharsets.UTF_8));
		receive(this.signed, "{\"version\":1}".getBytes(StandardCharsets.UTF_8));
		receive(this.signed,
				"{\"version\":1,\"cluster\":\"blue\",\"node\":\"b\",\"addresses\":[\"http://x:1\"],\"time\":1}"
					.getBytes(StandardCharsets.UTF_8));
		receive(this.signed,
				"{\"version\":1,\"cluster\":\"blue\",\"node\":\"b\",\"addresses\":[\"tcp://x:99999\"],\"time\":1}"
					.getBytes(StandardCharsets.UTF_8));
		byte[] large = new byte[Beacon.MAX_BYTES + 1];
		Arrays.fill(large, (byte) ' ');
		receive(this.signed, large);
		assertThat(this.signed.heard()).isEmpty();
		assertThat(this.signed.dropped()).containsEntry(Drop.MALFORMED, 4L).containsEntry(Drop.OVERSIZED, 1L);
	}

	@Test
	void rememberedNodesAreBounded() {
		MulticastBeacons open = beacons(null);
		for (int i = 0; i < HeardNodes.MAX_HEARD + 10; i++) {
			receive(open, Beacon.of("blue", "n" + i, ADDRESSES, this.clock.millis(), null).encode());
		}
		assertThat(open.heard()).hasSize(HeardNodes.MAX_HEARD);
		assertThat(open.dropped()).containsEntry(Drop.OVER_BOUND, 10L);
	}

	@Test
	void beaconsBeyondTheAddressBoundAreCut() {
		List<String> many = java.util.stream.IntStream.range(0, 20)
			.mapToObj((i) -> "tcp://10.0.0." + i + ":7070")
			.toList();
		Beacon beacon = Beacon.of("blue", "b", many, this.clock.millis(), this.secret);
		assertThat(beacon.addresses()).hasSize(Beacon.MAX_ADDRESSES);
		assertThat(beacon.encode()).hasSizeLessThanOrEqualTo(Beacon.MAX_BYTES);
	}

	private static void receive(MulticastBeacons beacons, byte[] datagram) {
		byte[] buffer = Arrays.copyOf(datagram, Beacon.MAX_BYTES + 1);
		beacons.heardNodes().receive(buffer, datagram.length);
	}

	/** The default group, without reaching into the API package from this layer. */
	private static final class MulticastDiscovery {

		static String group() {
			return "239.255.76.77";
		}

	}

}
