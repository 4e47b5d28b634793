/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import org.jspecify.annotations.Nullable;

/**
 * The routing header every message between two nodes carries as its RSocket metadata: all
 * a relay reads. The payload data travels beside it untouched.
 * <p>
 * Layout (version 1, big-endian): {@code version:u8 kind:u8 mode:u8 hops:u8 id:16 bytes}
 * then five strings, each {@code length:u16} and UTF-8 bytes: source, destination,
 * service, endpoint, trace. See {@code docs/protocol.md}.
 *
 * @param kind a call to a service or a control message of the mesh itself
 * @param mode how the caller addressed the call
 * @param hops how many hops the message took so far
 * @param id the unique message id
 * @param source the node the message comes from
 * @param destination the node the message goes to, {@code ""} for the neighbour it is
 * sent to
 * @param service the service, or the control operation's group
 * @param endpoint the endpoint, or the control operation
 * @param trace trace context, {@code ""} when none
 * @param destinations the nodes a broadcast goes to below the receiving node, empty
 * otherwise
 * <p>
 * The layout is written and read here, so the two can never drift apart; the only other
 * reader is {@link RelayHeader}, which takes its offsets from this class and reads the
 * few fields a relay needs without decoding the rest.
 * @author LiteMesh team
 */
public record Envelope(Kind kind, Mode mode, int hops, UUID id, String source, String destination, String service,
		String endpoint, String trace, List<String> destinations) {

	/** Version of the layout this class writes and reads. */
	public static final int VERSION = 1;

	/** Longest string field, in UTF-8 bytes: bounds what a peer can make us allocate. */
	public static final int MAX_FIELD_LENGTH = 512;

	/** The service name of every control message. */
	public static final String CONTROL_SERVICE = "mesh";

	/** Most destinations one broadcast envelope may name. */
	public static final int MAX_DESTINATIONS = 4096;

	/** Bytes before the first string: version, kind, mode, hops, id. */
	static final int FIXED_LENGTH = 4 + 16;

	/** Where the hop count is, from the start of the header. */
	static final int HOPS_OFFSET = 3;

	/**
	 * What a message is.
	 */
	public enum Kind {

		/** A call to a service endpoint. */
		CALL(0),

		/** A message of the mesh itself: hello, advertisements, leave, node state. */
		CONTROL(1);

		private final int code;

		Kind(int code) {
			this.code = code;
		}

		/**
		 * Return the byte that stands for this kind on the wire.
		 * @return the wire code
		 */
		public int code() {
			return this.code;
		}

		static Kind of(int code) {
			for (Kind kind : values()) {
				if (kind.code == code) {
					return kind;
				}
			}
			throw new MalformedEnvelopeException("Unknown envelope kind " + code);
		}

	}

	/**
	 * How the caller addressed a call; relays carry it unchanged.
	 */
	public enum Mode {

		/** One named node. */
		UNICAST(0),

		/** Any node that offers the service. */
		ANYCAST(1),

		/** Every node that offers the service. */
		BROADCAST(2);

		private final int code;

		Mode(int code) {
			this.code = code;
		}

		/**
		 * Return the byte that stands for this mode on the wire.
		 * @return the wire code
		 */
		public int code() {
			return this.code;
		}

		static Mode of(int code) {
			for (Mode mode : values()) {
				if (mode.code == code) {
					return mode;
				}
			}
			throw new MalformedEnvelopeException("Unknown envelope mode " + code);
		}

	}

	/**
	 * Create an envelope without broadcast destinations.
	 * @param kind a call or a control message
	 * @param mode how the caller addressed the call
	 * @param hops hops taken so far
	 * @param id the message id
	 * @param source the sending node
	 * @param destination the node the message goes to
	 * @param service the service
	 * @param endpoint the endpoint
	 * @param trace trace context
	 */
	public Envelope(Kind kind, Mode mode, int hops, UUID id, String source, String destination, String service,
			String endpoint, String trace) {
		this(kind, mode, hops, id, source, destination, service, endpoint, trace, List.of());
	}

	/**
	 * Create the envelope of a control message of the mesh itself.
	 * @param source the sending node
	 * @param destination the node it is for, {@code ""} for the neighbour that receives
	 * it
	 * @param operation the control operation
	 * @return the envelope
	 */
	public static Envelope control(String source, String destination, ControlOperation operation) {
		return new Envelope(Kind.CONTROL, Mode.UNICAST, 0, MessageIds.next(), source, destination, CONTROL_SERVICE,
				operation.wireName(), "");
	}

	/**
	 * Return whether this is the given control operation, for the neighbour that receives
	 * it.
	 * @param operation the control operation
	 * @return {@code true} when it is
	 */
	public boolean isLinkLocalControl(ControlOperation operation) {
		return this.kind == Kind.CONTROL && isLinkLocal() && this.endpoint.equals(operation.wireName());
	}

	/**
	 * Copy the envelope for the next hop of a broadcast: the hop count the next node
	 * sees, and the destinations below it.
	 * @param subtree the destinations the next hop is to serve
	 * @param hops the links behind the sending node, which the next node sees as its hop
	 * count
	 * @return the new envelope
	 */
	public Envelope forSubtree(List<String> subtree, int hops) {
		return new Envelope(this.kind, this.mode, hops, this.id, this.source, this.destination, this.service,
				this.endpoint, this.trace, List.copyOf(subtree));
	}

	/**
	 * Return whether this is a broadcast that names its destinations.
	 * @return {@code true} when destinations are listed
	 */
	public boolean isBroadcast() {
		return !this.destinations.isEmpty();
	}

	/**
	 * Return whether the message is for the neighbour that receives it rather than a node
	 * further away.
	 * @return {@code true} when the destination is empty
	 */
	public boolean isLinkLocal() {
		return this.destination.isEmpty();
	}

	/**
	 * Return the message id as text, as {@link io.litemesh.MeshContext#messageId()} shows
	 * it.
	 * @return the message id
	 */
	public String messageId() {
		return this.id.toString();
	}

	/**
	 * Encode this header.
	 * @param allocator the allocator for the buffer
	 * @return a new buffer the caller owns
	 */
	public ByteBuf encode(ByteBufAllocator allocator) {
		if (this.destinations.size() > MAX_DESTINATIONS) {
			throw new IllegalArgumentException("A broadcast envelope names at most " + MAX_DESTINATIONS
					+ " destinations, not " + this.destinations.size());
		}
		// every field is measured and checked before the buffer exists, so a bad field
		// leaks nothing; the strings go straight into the buffer, with no byte arrays in
		// between, as this runs for every message a node sends
		int sourceLength = utf8Length(this.source);
		int destinationLength = utf8Length(this.destination);
		int serviceLength = utf8Length(this.service);
		int endpointLength = utf8Length(this.endpoint);
		int traceLength = utf8Length(this.trace);
		int count = this.destinations.size();
		int[] destinationLengths = new int[count];
		int length = FIXED_LENGTH + 5 * 2 + sourceLength + destinationLength + serviceLength + endpointLength
				+ traceLength + 2;
		for (int i = 0; i < count; i++) {
			destinationLengths[i] = utf8Length(this.destinations.get(i));
			length += 2 + destinationLengths[i];
		}
		ByteBuf buffer = allocator.buffer(length);
		buffer.writeByte(VERSION);
		buffer.writeByte(this.kind.code());
		buffer.writeByte(this.mode.code());
		buffer.writeByte(this.hops);
		buffer.writeLong(this.id.getMostSignificantBits());
		buffer.writeLong(this.id.getLeastSignificantBits());
		writeField(buffer, this.source, sourceLength);
		writeField(buffer, this.destination, destinationLength);
		writeField(buffer, this.service, serviceLength);
		writeField(buffer, this.endpoint, endpointLength);
		writeField(buffer, this.trace, traceLength);
		buffer.writeShort(count);
		for (int i = 0; i < count; i++) {
			writeField(buffer, this.destinations.get(i), destinationLengths[i]);
		}
		return buffer;
	}

	/**
	 * Decode a header, reading the buffer in place without moving its reader index.
	 * @param buffer the metadata of a message
	 * @return the header
	 * @throws MalformedEnvelopeException when the bytes are not a valid header
	 */
	public static Envelope decode(ByteBuf buffer) {
		return decode(buffer, null);
	}

	/**
	 * Decode a header like {@link #decode(ByteBuf)}, taking the strings of an earlier
	 * header where the bytes are the same ASCII text: the messages of one link repeat the
	 * same source, destination, service and endpoint, and reading those again (copying,
	 * validating, allocating) is most of what decoding costs.
	 * @param buffer the metadata of a message
	 * @param previous the header decoded before from the same link, {@code null} for none
	 * @return the header
	 * @throws MalformedEnvelopeException when the bytes are not a valid header
	 */
	public static Envelope decode(ByteBuf buffer, @Nullable Envelope previous) {
		int index = buffer.readerIndex();
		int end = buffer.writerIndex();
		if (end - index < FIXED_LENGTH) {
			throw new MalformedEnvelopeException("Envelope too short: " + (end - index) + " bytes");
		}
		int version = buffer.getUnsignedByte(index);
		if (version != VERSION) {
			throw new MalformedEnvelopeException("Unsupported envelope version " + version + ", expected " + VERSION);
		}
		Kind kind = Kind.of(buffer.getUnsignedByte(index + 1));
		Mode mode = Mode.of(buffer.getUnsignedByte(index + 2));
		int hops = buffer.getUnsignedByte(index + HOPS_OFFSET);
		UUID id = new UUID(buffer.getLong(index + 4), buffer.getLong(index + 12));
		int[] position = { index + FIXED_LENGTH };
		String source = readString(buffer, position, end, (previous != null) ? previous.source : null);
		String destination = readString(buffer, position, end, (previous != null) ? previous.destination : null);
		String service = readString(buffer, position, end, (previous != null) ? previous.service : null);
		String endpoint = readString(buffer, position, end, (previous != null) ? previous.endpoint : null);
		String trace = readString(buffer, position, end, null);
		List<String> destinations = List.of();
		if (end - position[0] >= 2) {
			int count = buffer.getUnsignedShort(position[0]);
			position[0] += 2;
			if (count > MAX_DESTINATIONS) {
				throw new MalformedEnvelopeException(
						"Envelope names " + count + " destinations, more than " + MAX_DESTINATIONS);
			}
			String[] names = new String[count];
			for (int i = 0; i < count; i++) {
				names[i] = readString(buffer, position, end, null);
			}
			destinations = List.of(names);
		}
		return new Envelope(kind, mode, hops, id, source, destination, service, endpoint, trace, destinations);
	}

	/**
	 * Copy an encoded header with the hop count raised by one, as a relay forwards it:
	 * the header is copied, never decoded again.
	 * @param encoded the header as received
	 * @param allocator the allocator for the copy
	 * @return a new buffer the caller owns
	 * @throws MalformedEnvelopeException when the header is too short for a hop count or
	 * the count is at its maximum
	 */
	public static ByteBuf nextHop(ByteBuf encoded, ByteBufAllocator allocator) {
		if (encoded.readableBytes() < FIXED_LENGTH) {
			throw new MalformedEnvelopeException("Envelope too short: " + encoded.readableBytes() + " bytes");
		}
		ByteBuf copy = allocator.buffer(encoded.readableBytes());
		copy.writeBytes(encoded, encoded.readerIndex(), encoded.readableBytes());
		try {
			RelayHeader.raiseHops(copy);
			return copy;
		}
		catch (MalformedEnvelopeException ex) {
			copy.release();
			throw ex;
		}
	}

	private static int utf8Length(String value) {
		int length = ByteBufUtil.utf8Bytes(value);
		if (length > MAX_FIELD_LENGTH) {
			throw new IllegalArgumentException(
					"Envelope field longer than " + MAX_FIELD_LENGTH + " bytes: '" + value.substring(0, 40) + "...'");
		}
		return length;
	}

	private static void writeField(ByteBuf buffer, String value, int length) {
		buffer.writeShort(length);
		ByteBufUtil.reserveAndWriteUtf8(buffer, value, length);
	}

	private static String readString(ByteBuf buffer, int[] position, int end, @Nullable String known) {
		if (end - position[0] < 2) {
			throw new MalformedEnvelopeException("Envelope truncated");
		}
		int length = buffer.getUnsignedShort(position[0]);
		if (length > MAX_FIELD_LENGTH || end - position[0] - 2 < length) {
			throw new MalformedEnvelopeException("Envelope field of " + length + " bytes is too long or truncated");
		}
		if (length == 0) {
			position[0] += 2;
			return "";
		}
		if (known != null && equalsAscii(buffer, position[0] + 2, length, known)) {
			position[0] += 2 + length;
			return known;
		}
		// a field this node could not write back (a relay re-encodes broadcasts): bad
		// bytes would become replacement characters, up to three times as long
		if (!ByteBufUtil.isText(buffer, position[0] + 2, length, StandardCharsets.UTF_8)) {
			throw new MalformedEnvelopeException("Envelope field of " + length + " bytes is not valid UTF-8");
		}
		String value = buffer.toString(position[0] + 2, length, StandardCharsets.UTF_8);
		position[0] += 2 + length;
		return value;
	}

	/**
	 * Return whether bytes are the ASCII text of a string: then they are valid UTF-8 and
	 * decode to that very string.
	 */
	private static boolean equalsAscii(ByteBuf buffer, int index, int length, String text) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80 || buffer.getByte(index + i) != c) {
				return false;
			}
		}
		return true;
	}

}
