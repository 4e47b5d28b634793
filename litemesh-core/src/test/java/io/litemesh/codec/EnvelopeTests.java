/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvelopeTests {

	private final Envelope envelope = new Envelope(Envelope.Kind.CALL, Envelope.Mode.ANYCAST, 2, UUID.randomUUID(), "a",
			"b", "greeter", "hello", "00-trace");

	@Test
	void roundTripsEveryField() {
		ByteBuf encoded = this.envelope.encode(ByteBufAllocator.DEFAULT);
		try {
			assertThat(Envelope.decode(encoded)).isEqualTo(this.envelope);
			assertThat(encoded.readerIndex()).as("decoding reads in place").isZero();
		}
		finally {
			encoded.release();
		}
	}

	@Test
	void writesMultiByteFieldsAsTheirUtf8Bytes() {
		// two, three and four byte characters, and a lone surrogate, which UTF-8 cannot
		// carry: String.getBytes makes it a '?', and so must the encoder
		String service = "caf\u00e9-\u6771\u4eac-\ud83d\ude80";
		String endpoint = "half\ud800";
		Envelope multiByte = new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 0, UUID.randomUUID(), "n\u00f6de",
				"b", service, endpoint, "", java.util.List.of("d\u00e9st"));
		ByteBuf encoded = multiByte.encode(ByteBufAllocator.DEFAULT);
		try {
			int length = Envelope.FIXED_LENGTH + 2;
			for (String field : java.util.List.of("n\u00f6de", "b", service, endpoint, "", "d\u00e9st")) {
				length += 2 + field.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			}
			assertThat(encoded.readableBytes()).isEqualTo(length);
			assertThat(encoded.capacity()).as("sized exactly, never grown").isEqualTo(length);
			Envelope decoded = Envelope.decode(encoded);
			assertThat(decoded.service()).isEqualTo(service);
			assertThat(decoded.endpoint()).isEqualTo("half?");
			assertThat(decoded.source()).isEqualTo("n\u00f6de");
			assertThat(decoded.destinations()).containsExactly("d\u00e9st");
		}
		finally {
			encoded.release();
		}
	}

	@Test
	void broadcastDestinationsRoundTripAndShrinkPerSubtree() {
		Envelope broadcast = new Envelope(Envelope.Kind.CALL, Envelope.Mode.BROADCAST, 0, UUID.randomUUID(), "a", "",
				"cache", "evict", "", java.util.List.of("b", "c", "d"));
		ByteBuf encoded = broadcast.encode(ByteBufAllocator.DEFAULT);
		try {
			Envelope decoded = Envelope.decode(encoded);
			assertThat(decoded).isEqualTo(broadcast);
			assertThat(decoded.isBroadcast()).isTrue();
			Envelope subtree = decoded.forSubtree(java.util.List.of("c"), decoded.hops() + 1);
			assertThat(subtree.hops()).isEqualTo(1);
			assertThat(subtree.destinations()).containsExactly("c");
			assertThat(this.envelope.isBroadcast()).isFalse();
		}
		finally {
			encoded.release();
		}
	}

	@Test
	void nextHopRaisesTheHopCountOnACopy() {
		ByteBuf encoded = this.envelope.encode(ByteBufAllocator.DEFAULT);
		ByteBuf next = Envelope.nextHop(encoded, ByteBufAllocator.DEFAULT);
		try {
			assertThat(Envelope.decode(next).hops()).isEqualTo(3);
			assertThat(Envelope.decode(encoded).hops()).isEqualTo(2);
		}
		finally {
			encoded.release();
			next.release();
		}
	}

	@Test
	void decodingAfterAnEarlierHeaderTakesItsStringsWhereTheBytesAreTheSame() {
		Envelope next = new Envelope(Envelope.Kind.CALL, Envelope.Mode.ANYCAST, 0, UUID.randomUUID(), "a", "b",
				"greeter", "goodbye", "");
		ByteBuf encoded = next.encode(ByteBufAllocator.DEFAULT);
		try {
			Envelope decoded = Envelope.decode(encoded, this.envelope);
			assertThat(decoded).isEqualTo(next);
			assertThat(decoded.source()).isSameAs(this.envelope.source());
			assertThat(decoded.service()).isSameAs(this.envelope.service());
			assertThat(decoded.endpoint()).isNotSameAs(this.envelope.endpoint()).isEqualTo("goodbye");
		}
		finally {
			encoded.release();
		}
	}

	@Test
	void rejectsTruncatedAndForeignBytes() {
		assertThatExceptionOfType(MalformedEnvelopeException.class)
			.isThrownBy(() -> Envelope.decode(Unpooled.wrappedBuffer(new byte[] { 1, 0, 0 })))
			.withMessageContaining("too short");
		byte[] wrongVersion = new byte[40];
		wrongVersion[0] = 9;
		assertThatExceptionOfType(MalformedEnvelopeException.class)
			.isThrownBy(() -> Envelope.decode(Unpooled.wrappedBuffer(wrongVersion)))
			.withMessageContaining("version 9");
		ByteBuf encoded = this.envelope.encode(ByteBufAllocator.DEFAULT);
		ByteBuf truncated = encoded.slice(0, encoded.readableBytes() - 3);
		assertThatExceptionOfType(MalformedEnvelopeException.class).isThrownBy(() -> Envelope.decode(truncated));
		encoded.release();
	}

	@Test
	void rejectsOversizedFieldsBothWays() {
		String longId = "x".repeat(Envelope.MAX_FIELD_LENGTH + 1);
		Envelope tooLong = new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 0, UUID.randomUUID(), longId, "",
				"s", "e", "");
		assertThatIllegalArgumentException().isThrownBy(() -> tooLong.encode(ByteBufAllocator.DEFAULT));
		ByteBuf forged = Unpooled.buffer();
		forged.writeByte(1).writeByte(0).writeByte(0).writeByte(0).writeLong(1).writeLong(2).writeShort(60000);
		assertThatExceptionOfType(MalformedEnvelopeException.class).isThrownBy(() -> Envelope.decode(forged));
	}

	@Test
	void remoteErrorsRoundTripThroughJson() {
		RemoteError error = new RemoteError(RemoteError.CODE_NO_ROUTE, "x", "No node offers service 'a'");
		assertThat(RemoteError.parse(error.toJson())).isEqualTo(error);
		assertThat(RemoteError.parse("plain text")).isNull();
		assertThat(RemoteError.parse("{\"broken\"")).isNull();
		assertThat(error.toException()).isInstanceOf(io.litemesh.NoRouteException.class)
			.hasMessage("No node offers service 'a'");
	}

}
