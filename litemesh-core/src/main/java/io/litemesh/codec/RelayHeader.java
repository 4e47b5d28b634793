/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * What a relay reads of a message it passes on: the hop count, the source (a first hop
 * must come from its sender) and the destination, read in place from the encoded
 * {@link Envelope}. Service, endpoint and trace stay bytes, for the destination to read;
 * their lengths are still checked, so a relay passes on only a well-formed layout.
 *
 * @param hops how many hops the message took before it reached this node
 * @param source the node the message comes from
 * @param destination the node the message goes to
 * @param idHigh the high bits of the message id
 * @param idLow the low bits of the message id
 * @author LiteMesh team
 */
public record RelayHeader(int hops, String source, String destination, long idHigh, long idLow) {

	private static final int FIXED_LENGTH = 4 + 16;

	private static final int HOPS_OFFSET = 3;

	private static final int STRING_FIELDS = 5;

	/**
	 * Read the header of a message this node only relays: one for another node that is
	 * not a broadcast (a broadcast's copies are made here, so it is decoded whole).
	 * @param buffer the metadata of a message, read without moving its reader index
	 * @param localId this node's id in UTF-8, compared as bytes: most messages are for
	 * this node, and they are decoded whole after this
	 * @return the header, or {@code null} when the message is for this node or its
	 * neighbour, a broadcast, or not a well-formed {@link Envelope} (which
	 * {@link Envelope#decode} then says why)
	 */
	public static @Nullable RelayHeader read(ByteBuf buffer, byte[] localId) {
		int index = buffer.readerIndex();
		int end = buffer.writerIndex();
		if (end - index < FIXED_LENGTH || buffer.getUnsignedByte(index) != Envelope.VERSION
				|| buffer.getUnsignedByte(index + 1) > Envelope.Kind.CONTROL.code()
				|| buffer.getUnsignedByte(index + 2) > Envelope.Mode.BROADCAST.code()) {
			return null;
		}
		int[] starts = new int[STRING_FIELDS];
		int position = index + FIXED_LENGTH;
		for (int field = 0; field < STRING_FIELDS; field++) {
			if (end - position < 2) {
				return null;
			}
			int length = buffer.getUnsignedShort(position);
			if (length > Envelope.MAX_FIELD_LENGTH || end - position - 2 < length) {
				return null;
			}
			starts[field] = position;
			position += 2 + length;
		}
		if (end - position >= 2 && buffer.getUnsignedShort(position) != 0) {
			return null;
		}
		int destinationLength = buffer.getUnsignedShort(starts[1]);
		if (destinationLength == 0 || isLocal(buffer, starts[1] + 2, destinationLength, localId)) {
			return null;
		}
		return new RelayHeader(buffer.getUnsignedByte(index + HOPS_OFFSET), string(buffer, starts[0]),
				string(buffer, starts[1]), buffer.getLong(index + 4), buffer.getLong(index + 12));
	}

	/**
	 * Raise the hop count of an encoded header by one, in place: a relay passes the
	 * received bytes on rather than a copy.
	 * @param buffer the metadata of a message, writable
	 * @throws MalformedEnvelopeException when the count is at its maximum
	 */
	public static void raiseHops(ByteBuf buffer) {
		int index = buffer.readerIndex() + HOPS_OFFSET;
		int hops = buffer.getUnsignedByte(index);
		if (hops == 0xFF) {
			// one more would wrap to 0 and lift the hop limit
			throw new MalformedEnvelopeException("Envelope hop count cannot be raised past 255");
		}
		buffer.setByte(index, hops + 1);
	}

	/**
	 * Return the message id as text, as {@link Envelope#messageId()} shows it.
	 * @return the message id
	 */
	public String messageId() {
		return new UUID(this.idHigh, this.idLow).toString();
	}

	private static boolean isLocal(ByteBuf buffer, int index, int length, byte[] localId) {
		if (length != localId.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (buffer.getByte(index + i) != localId[i]) {
				return false;
			}
		}
		return true;
	}

	private static String string(ByteBuf buffer, int start) {
		int length = buffer.getUnsignedShort(start);
		byte[] bytes = new byte[length];
		buffer.getBytes(start + 2, bytes);
		// malformed bytes become replacement characters: a name no route matches
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
