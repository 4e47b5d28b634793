/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RelayHeaderTests {

	private static final byte[] B = { 'b' };

	private static final UUID ID = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-1d2e3f405060");

	@Test
	void readsWhatARelayNeedsOfACallForAnotherNode() {
		Envelope call = new Envelope(Envelope.Kind.CALL, Envelope.Mode.ANYCAST, 2, ID, "a", "d\u00e9", "greeter",
				"hello", "00-trace");
		ByteBuf encoded = call.encode(ByteBufAllocator.DEFAULT);
		try {
			assertThat(RelayHeader.read(encoded, B)).isEqualTo(
					new RelayHeader(2, "a", "d\u00e9", ID.getMostSignificantBits(), ID.getLeastSignificantBits()));
			assertThat(RelayHeader.read(encoded, B).messageId()).isEqualTo(call.messageId());
			assertThat(encoded.readerIndex()).as("read in place").isZero();
		}
		finally {
			encoded.release();
		}
	}

	@Test
	void leavesToTheFullDecodeWhatIsNotOnlyRelayed() {
		List<Envelope> notRelayed = List.of(
				new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 0, ID, "a", "b", "greeter", "hello", ""),
				Envelope.control("a", "", ControlOperation.ADVERTISE),
				Envelope.control("a", "b", ControlOperation.STATE), new Envelope(Envelope.Kind.CALL,
						Envelope.Mode.BROADCAST, 0, ID, "a", "", "cache", "evict", "", List.of("c", "d")));
		for (Envelope envelope : notRelayed) {
			ByteBuf encoded = envelope.encode(ByteBufAllocator.DEFAULT);
			try {
				assertThat(RelayHeader.read(encoded, B)).as(envelope.toString()).isNull();
			}
			finally {
				encoded.release();
			}
		}
		ByteBuf stateForAnother = Envelope.control("a", "c", ControlOperation.STATE).encode(ByteBufAllocator.DEFAULT);
		try {
			assertThat(RelayHeader.read(stateForAnother, B)).as("control for another node is relayed").isNotNull();
		}
		finally {
			stateForAnother.release();
		}
	}

	@Test
	void raisesTheHopCountInPlaceUpTo255() {
		Envelope call = new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 254, ID, "a", "d", "s", "e", "");
		ByteBuf encoded = call.encode(ByteBufAllocator.DEFAULT);
		try {
			RelayHeader.raiseHops(encoded);
			assertThat(Envelope.decode(encoded))
				.isEqualTo(new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 255, ID, "a", "d", "s", "e", ""));
			assertThatExceptionOfType(MalformedEnvelopeException.class).isThrownBy(() -> RelayHeader.raiseHops(encoded))
				.withMessageContaining("255");
			assertThat(Envelope.decode(encoded).hops()).isEqualTo(255);
		}
		finally {
			encoded.release();
		}
	}

}
