/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.litemesh.MutationFuzzer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fuzzes the decoders of the codec: the envelope (decode and the relay's copy), the error
 * frame's JSON and the broadcast reply header. See {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class CodecFuzzTests {

	private static final byte[] B = { 'b' };

	private static final Envelope PREVIOUS = envelopes().get(0);

	@Test
	void envelopeDecodesOrIsMalformed() {
		List<byte[]> seeds = new ArrayList<>();
		for (Envelope envelope : envelopes()) {
			seeds.add(bytes(envelope.encode(ByteBufAllocator.DEFAULT)));
		}
		// regression: a field of invalid UTF-8 decoded to replacement characters that no
		// longer fit a field when a relay re-encoded the envelope
		seeds.add(MutationFuzzer.base64("AQAA/28cKk4LfUwemlUdLj9AUGAAA3P4cwAAAAAAAAAAAAA="));
		long cases = MutationFuzzer.fuzz("Envelope.decode", seeds, CodecFuzzTests::decodeEnvelope);
		assertThat(cases).isPositive();
	}

	@Test
	void relayCopyRaisesTheHopCountOrIsMalformed() {
		List<byte[]> seeds = new ArrayList<>();
		for (Envelope envelope : envelopes()) {
			seeds.add(bytes(envelope.encode(ByteBufAllocator.DEFAULT)));
		}
		// regression: too short for a hop count (an index error and a leaked copy), and a
		// hop count that would wrap to 0
		seeds.add(new byte[] { 1, 0, 0 });
		seeds.add(MutationFuzzer.base64("AQAA/28cKk4LfUwemlUdLj9AUGAAAAAAAAAAAAAAAAAA"));
		long cases = MutationFuzzer.fuzz("Envelope.nextHop", seeds, CodecFuzzTests::nextHop);
		assertThat(cases).isPositive();
	}

	@Test
	void relayHeaderAgreesWithTheFullDecode() {
		List<byte[]> seeds = new ArrayList<>();
		for (Envelope envelope : envelopes()) {
			seeds.add(bytes(envelope.encode(ByteBufAllocator.DEFAULT)));
		}
		long cases = MutationFuzzer.fuzz("RelayHeader.read", seeds, CodecFuzzTests::relayHeader);
		assertThat(cases).isPositive();
	}

	@Test
	void errorFrameParsesOrIsNotALiteMeshError() {
		List<byte[]> seeds = new ArrayList<>();
		seeds.add(MutationFuzzer
			.utf8(new RemoteError(RemoteError.CODE_NO_ROUTE, "io.litemesh.NoRouteException", "No node offers 'pricing'")
				.toJson()));
		seeds.add(MutationFuzzer.utf8(new RemoteError(RemoteError.CODE_REMOTE, "java.lang.IllegalStateException",
				"pricing.quote on c failed: \u00e9\u4e2d \"quoted\"")
			.toJson()));
		seeds.add(MutationFuzzer.utf8("{\"code\":\"DENIED\",\"message\":\"no\"}"));
		long cases = MutationFuzzer.fuzz("RemoteError.parse", seeds, CodecFuzzTests::parseError);
		assertThat(cases).isPositive();
	}

	@Test
	void broadcastReplyDecodesOrIsMalformed() {
		List<byte[]> seeds = new ArrayList<>();
		seeds.add(scatterInput(ScatterReply.success("node-1", MutationFuzzer.utf8("{\"price\":3}"))));
		seeds.add(scatterInput(ScatterReply.failure("n\u00e9-2",
				new RemoteError(RemoteError.CODE_TIMEOUT, "io.litemesh.MeshTimeoutException", "late"))));
		seeds.add(scatterInput(ScatterReply.success("x".repeat(Envelope.MAX_FIELD_LENGTH), new byte[0])));
		long cases = MutationFuzzer.fuzz("ScatterReply.from", seeds, CodecFuzzTests::scatterReply);
		assertThat(cases).isPositive();
	}

	static List<Envelope> envelopes() {
		UUID id = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-1d2e3f405060");
		return List.of(
				new Envelope(Envelope.Kind.CALL, Envelope.Mode.ANYCAST, 2, id, "a", "c", "pricing", "quote",
						"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
				Envelope.control("catalog-1", "", ControlOperation.HELLO),
				new Envelope(Envelope.Kind.CALL, Envelope.Mode.BROADCAST, 0, id, "client:cli", "", "stock", "level", "",
						List.of("n\u00e9ud-1", "node-2", "\u4e2d")),
				new Envelope(Envelope.Kind.CALL, Envelope.Mode.UNICAST, 255, id, "s".repeat(Envelope.MAX_FIELD_LENGTH),
						"", "", "", ""));
	}

	private static boolean decodeEnvelope(byte[] input) {
		// a junk byte before the header: decoding starts at the reader index, not at 0
		ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(input.length + 1).writeByte(0x5A).writeBytes(input);
		buffer.skipBytes(1);
		try {
			Envelope envelope = Envelope.decode(buffer);
			for (String field : List.of(envelope.source(), envelope.destination(), envelope.service(),
					envelope.endpoint(), envelope.trace())) {
				assertThat(field.getBytes(StandardCharsets.UTF_8).length)
					.isLessThanOrEqualTo(Envelope.MAX_FIELD_LENGTH);
			}
			assertThat(envelope.destinations().size()).isLessThanOrEqualTo(Envelope.MAX_DESTINATIONS);
			// the strings of an earlier header are taken only where they are the same
			assertThat(Envelope.decode(buffer, PREVIOUS)).isEqualTo(envelope);
			// what is accepted is what a node could have sent: it encodes back to itself
			ByteBuf encoded = envelope.encode(ByteBufAllocator.DEFAULT);
			try {
				assertThat(Envelope.decode(encoded)).isEqualTo(envelope);
			}
			finally {
				encoded.release();
			}
			return true;
		}
		catch (MalformedEnvelopeException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			assertThatExceptionOfType(MalformedEnvelopeException.class)
				.isThrownBy(() -> Envelope.decode(buffer, PREVIOUS));
			return false;
		}
		finally {
			assertThat(buffer.readerIndex()).isEqualTo(1);
			assertThat(buffer.refCnt()).isOne();
			buffer.release();
		}
	}

	private static boolean nextHop(byte[] input) {
		ByteBuf buffer = Unpooled.wrappedBuffer(input);
		try {
			ByteBuf copy = Envelope.nextHop(buffer, ByteBufAllocator.DEFAULT);
			try {
				assertThat(copy.readableBytes()).isEqualTo(input.length);
				assertThat((int) copy.getUnsignedByte(3)).isEqualTo((input[3] & 0xFF) + 1);
				assertThat(buffer.readerIndex()).isZero();
			}
			finally {
				copy.release();
			}
			return true;
		}
		catch (MalformedEnvelopeException ex) {
			return false;
		}
		finally {
			assertThat(buffer.refCnt()).isOne();
			buffer.release();
		}
	}

	private static boolean relayHeader(byte[] input) {
		ByteBuf buffer = Unpooled.wrappedBuffer(input);
		RelayHeader header = RelayHeader.read(buffer, B);
		assertThat(buffer.readerIndex()).isZero();
		Envelope envelope;
		try {
			envelope = Envelope.decode(buffer);
		}
		catch (MalformedEnvelopeException ex) {
			// a relay checks the layout, not the text of fields it does not read
			return header != null;
		}
		boolean relayed = !envelope.isBroadcast() && !envelope.destination().isEmpty()
				&& !envelope.destination().equals("b");
		assertThat(header != null).as("read as relayed").isEqualTo(relayed);
		if (header != null) {
			assertThat(header).isEqualTo(new RelayHeader(envelope.hops(), envelope.source(), envelope.destination(),
					envelope.id().getMostSignificantBits(), envelope.id().getLeastSignificantBits()));
		}
		return relayed;
	}

	private static boolean parseError(byte[] input) {
		RemoteError error = RemoteError.parse(new String(input, StandardCharsets.UTF_8));
		if (error == null) {
			return false;
		}
		assertThat(error.code()).isNotNull();
		assertThat(error.message()).isNotNull();
		assertThat(error.toException()).isNotNull();
		assertThat(RemoteError.parse(error.toJson())).isEqualTo(error);
		return true;
	}

	private static boolean scatterReply(byte[] input) {
		// the first two bytes say how much of the rest is metadata
		int split = (input.length >= 2) ? Math.min(((input[0] & 0xFF) << 8 | (input[1] & 0xFF)), input.length - 2) : 0;
		ByteBuf metadata = Unpooled.copiedBuffer(input, Math.min(2, input.length), split);
		ByteBuf data = Unpooled.copiedBuffer(input, Math.min(2, input.length) + split,
				input.length - Math.min(2, input.length) - split);
		Payload payload = ByteBufPayload.create(data, metadata);
		try {
			ScatterReply reply = ScatterReply.from(payload);
			assertThat(reply.nodeId().length()).isLessThanOrEqualTo(Envelope.MAX_FIELD_LENGTH);
			if (reply.failed()) {
				assertThat(reply.error()).isNotNull();
			}
			return true;
		}
		catch (MalformedEnvelopeException ex) {
			return false;
		}
		finally {
			assertThat(payload.refCnt()).isZero();
		}
	}

	private static byte[] scatterInput(ScatterReply reply) {
		Payload payload = reply.toPayload();
		try {
			byte[] metadata = ByteBufUtil.getBytes(payload.sliceMetadata());
			byte[] data = ByteBufUtil.getBytes(payload.sliceData());
			byte[] input = new byte[2 + metadata.length + data.length];
			input[0] = (byte) (metadata.length >>> 8);
			input[1] = (byte) metadata.length;
			System.arraycopy(metadata, 0, input, 2, metadata.length);
			System.arraycopy(data, 0, input, 2 + metadata.length, data.length);
			return input;
		}
		finally {
			payload.release();
		}
	}

	private static byte[] bytes(ByteBuf buffer) {
		try {
			return ByteBufUtil.getBytes(buffer);
		}
		finally {
			buffer.release();
		}
	}

}
