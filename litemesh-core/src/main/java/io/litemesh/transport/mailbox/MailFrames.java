/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.litemesh.PayloadTooLargeException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;

/**
 * Turns RSocket payloads into mailbox messages of one node and back: bounds their sizes,
 * stamps their expiry, and carries a stream's demand in front of its data.
 *
 * @author LiteMesh team
 */
final class MailFrames {

	static final byte[] EMPTY = new byte[0];

	private final String localId;

	private final int maxFrameSize;

	private final Clock clock;

	MailFrames(String localId, int maxFrameSize, Clock clock) {
		this.localId = localId;
		this.maxFrameSize = maxFrameSize;
		this.clock = clock;
	}

	/**
	 * Build a message from this node.
	 * @param to the recipient
	 * @param type the message type
	 * @param id the message id
	 * @param correlation the interaction it belongs to
	 * @param frame what it carries
	 * @param ttl how long it lives
	 * @return the message
	 */
	MailMessage message(String to, MailMessage.Type type, UUID id, UUID correlation, Frame frame, Duration ttl) {
		return new MailMessage(id, this.localId, to, type, correlation, this.clock.millis() + ttl.toMillis(),
				frame.metadata(), frame.data(), null);
	}

	/**
	 * Copy a payload out, releasing it.
	 * @param payload the payload
	 * @return its metadata and data
	 * @throws PayloadTooLargeException when it exceeds the limits
	 */
	Frame frame(Payload payload) {
		try {
			byte[] metadata = payload.hasMetadata() ? ByteBufUtil.getBytes(payload.sliceMetadata()) : EMPTY;
			byte[] data = ByteBufUtil.getBytes(payload.sliceData());
			if (data.length > this.maxFrameSize || metadata.length > MailMessage.MAX_METADATA) {
				throw new PayloadTooLargeException("A payload of " + data.length + " bytes with " + metadata.length
						+ " bytes of metadata exceeds litemesh.max-frame-size (" + this.maxFrameSize + " bytes) or "
						+ MailMessage.MAX_METADATA + " bytes of metadata");
			}
			return new Frame(metadata, data);
		}
		finally {
			payload.release();
		}
	}

	/**
	 * Make a payload of received bytes; the responder owns and releases it.
	 * @param metadata the metadata, empty for none
	 * @param data the data
	 * @return the payload
	 */
	static Payload payload(byte[] metadata, byte[] data) {
		return (metadata.length > 0)
				? ByteBufPayload.create(Unpooled.wrappedBuffer(data), Unpooled.wrappedBuffer(metadata))
				: ByteBufPayload.create(Unpooled.wrappedBuffer(data));
	}

	static byte[] withDemand(long n, byte[] data) {
		return ByteBuffer.allocate(8 + data.length).putLong(n).put(data).array();
	}

	static long demand(byte[] data) {
		if (data.length < 8) {
			throw new IllegalArgumentException("a demand needs 8 bytes, got " + data.length);
		}
		return Math.max(0, ByteBuffer.wrap(data, 0, 8).getLong());
	}

	static byte[] rest(byte[] data) {
		byte[] rest = new byte[data.length - 8];
		System.arraycopy(data, 8, rest, 0, rest.length);
		return rest;
	}

	/**
	 * What one message carries of a payload.
	 *
	 * @param metadata the metadata, empty for none
	 * @param data the data
	 */
	record Frame(byte[] metadata, byte[] data) {
	}

}
