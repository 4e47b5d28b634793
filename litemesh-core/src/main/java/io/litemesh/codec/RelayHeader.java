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

	/** The strings after the destination: service, endpoint, trace. */
	private static final int STRINGS_AFTER_DESTINATION = 3;

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
		if (end - index < Envelope.FIXED_LENGTH || buffer.getUnsignedByte(index) != Envelope.VERSION
				|| buffer.getUnsignedByte(index + 1) > Envelope.Kind.CONTROL.code()
				|| buffer.getUnsignedByte(index + 2) > Envelope.Mode.BROADCAST.code()) {
			return null;
		}
		int source = index + Envelope.FIXED_LENGTH;
		int destination = skipString(buffer, source, end);
		int rest = skipString(buffer, destination, end);
		// most messages are for this node or its neighbour: they stop here, before the
		// full decode reads them
		if (rest < 0 || buffer.getUnsignedShort(destination) == 0 || isLocal(buffer, destination, localId)) {
			return null;
		}
		for (int field = 0; field < STRINGS_AFTER_DESTINATION && rest >= 0; field++) {
			rest = skipString(buffer, rest, end);
		}
		if (rest < 0 || (end - rest >= 2 && buffer.getUnsignedShort(rest) != 0)) {
			// malformed, or a broadcast that names its destinations
			return null;
		}
		return new RelayHeader(buffer.getUnsignedByte(index + Envelope.HOPS_OFFSET), string(buffer, source),
				string(buffer, destination), buffer.getLong(index + 4), buffer.getLong(index + 12));
	}

	/**
	 * Raise the hop count of an encoded header by one, in place: a relay passes the
	 * received bytes on rather than a copy.
	 * @param buffer the metadata of a message, writable
	 * @throws MalformedEnvelopeException when the count is at its maximum
	 */
	public static void raiseHops(ByteBuf buffer) {
		int index = buffer.readerIndex() + Envelope.HOPS_OFFSET;
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

	/**
	 * Return where the string after the one at {@code start} begins, or {@code -1} when
	 * the one at {@code start} is cut short or longer than a field may be.
	 */
	private static int skipString(ByteBuf buffer, int start, int end) {
		if (start < 0 || end - start < 2) {
			return -1;
		}
		int length = buffer.getUnsignedShort(start);
		return (length <= Envelope.MAX_FIELD_LENGTH && end - start - 2 >= length) ? start + 2 + length : -1;
	}

	private static boolean isLocal(ByteBuf buffer, int start, byte[] localId) {
		if (buffer.getUnsignedShort(start) != localId.length) {
			return false;
		}
		for (int i = 0; i < localId.length; i++) {
			if (buffer.getByte(start + 2 + i) != localId[i]) {
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
