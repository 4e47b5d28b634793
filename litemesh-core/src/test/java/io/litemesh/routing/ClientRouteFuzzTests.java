/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.List;

import io.litemesh.MutationFuzzer;
import io.litemesh.codec.MimeTypes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes how a plain RSocket client's route is read: routing metadata alone and inside
 * composite metadata. Only a route or an {@link IllegalArgumentException} (a
 * {@code BAD_REQUEST} frame) may come out. See {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class ClientRouteFuzzTests {

	@Test
	void routeIsReadOrTheRequestIsBad() {
		ByteBuf routing = TaggingMetadataCodec
			.createRoutingMetadata(ByteBufAllocator.DEFAULT, List.of("pricing.quote", "other.tag"))
			.getContent();
		CompositeByteBuf composite = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ByteBufAllocator.DEFAULT,
				WellKnownMimeType.APPLICATION_JSON, Unpooled.wrappedBuffer(MutationFuzzer.utf8("{}")));
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ByteBufAllocator.DEFAULT, "text/x.custom",
				Unpooled.wrappedBuffer(MutationFuzzer.utf8("x")));
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ByteBufAllocator.DEFAULT,
				WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing.retainedSlice());
		// regressions: a routing tag and a composite entry longer than the metadata left
		// rsocket-java's index errors to become a REMOTE error instead of BAD_REQUEST
		List<byte[]> seeds = List.of(ByteBufUtil.getBytes(routing), ByteBufUtil.getBytes(composite),
				new byte[] { 5, 'a' }, new byte[] { (byte) 0xFE, 0, 0, 16, 5, 'a' });
		routing.release();
		composite.release();
		long cases = MutationFuzzer.fuzz("ClientResponder.route", seeds,
				(input) -> route(input, MimeTypes.ROUTING) | route(input, MimeTypes.COMPOSITE));
		assertThat(cases).isPositive();
	}

	private static boolean route(byte[] input, String mimeType) {
		ByteBuf metadata = Unpooled.copiedBuffer(input);
		try {
			assertThat(ClientResponder.route(metadata, mimeType)).isNotNull();
			return true;
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return false;
		}
		finally {
			assertThat(metadata.refCnt()).isOne();
			metadata.release();
		}
	}

}
