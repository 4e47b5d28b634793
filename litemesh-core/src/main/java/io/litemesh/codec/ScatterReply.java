/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.Payload;
import io.rsocket.util.ByteBufPayload;

/**
 * One node's answer within a broadcast request: the elements of the reply stream that
 * flows back up the broadcast tree. Its metadata names the node and says whether the data
 * is a reply or a {@link RemoteError}; relays pass elements on without reading their
 * data.
 * <p>
 * Metadata layout: {@code status:u8} ({@code 0} reply, {@code 1} error) then
 * {@code length:u16} and the node id in UTF-8.
 *
 * @param nodeId the node that answered
 * @param failed whether the data is an error rather than a reply
 * @param data the JSON reply, or the error as JSON
 * @author LiteMesh team
 */
public record ScatterReply(String nodeId, boolean failed, byte[] data) {

	/**
	 * A reply from a node.
	 * @param nodeId the node
	 * @param data the JSON reply
	 * @return the reply
	 */
	public static ScatterReply success(String nodeId, byte[] data) {
		return new ScatterReply(nodeId, false, data);
	}

	/**
	 * A failure of a node.
	 * @param nodeId the node
	 * @param error what went wrong
	 * @return the reply
	 */
	public static ScatterReply failure(String nodeId, RemoteError error) {
		return new ScatterReply(nodeId, true, error.toJson().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Encode as a stream element.
	 * @return the payload
	 */
	public Payload toPayload() {
		byte[] id = this.nodeId.getBytes(StandardCharsets.UTF_8);
		ByteBuf metadata = ByteBufAllocator.DEFAULT.buffer(3 + id.length);
		metadata.writeByte(this.failed ? 1 : 0).writeShort(id.length).writeBytes(id);
		return ByteBufPayload.create(JsonCodec.direct(this.data), metadata);
	}

	/**
	 * Decode a stream element, releasing it.
	 * @param payload the element
	 * @return the reply
	 * @throws MalformedEnvelopeException when the metadata is not a reply header
	 */
	public static ScatterReply from(Payload payload) {
		try {
			ByteBuf metadata = payload.sliceMetadata();
			if (metadata.readableBytes() < 3) {
				throw new MalformedEnvelopeException("Broadcast reply without a node id");
			}
			int length = metadata.getUnsignedShort(metadata.readerIndex() + 1);
			if (length > Envelope.MAX_FIELD_LENGTH || metadata.readableBytes() < 3 + length) {
				throw new MalformedEnvelopeException("Broadcast reply with a malformed node id");
			}
			String nodeId = metadata.toString(metadata.readerIndex() + 3, length, StandardCharsets.UTF_8);
			byte[] data = new byte[payload.sliceData().readableBytes()];
			payload.sliceData().getBytes(payload.sliceData().readerIndex(), data);
			return new ScatterReply(nodeId, metadata.getByte(metadata.readerIndex()) == 1, data);
		}
		finally {
			payload.release();
		}
	}

	/**
	 * Return the error, for a failed reply.
	 * @return the error, or {@code null} when the data cannot be read as one
	 */
	public RemoteError error() {
		RemoteError error = RemoteError.parse(new String(this.data, StandardCharsets.UTF_8));
		return (error != null) ? error
				: new RemoteError(RemoteError.CODE_REMOTE, "unknown", "Node " + this.nodeId + " failed");
	}

}
