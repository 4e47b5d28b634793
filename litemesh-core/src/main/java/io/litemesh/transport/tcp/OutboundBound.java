/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import reactor.netty.Connection;

/**
 * Bounds the bytes one connection may hold queued for sending. A peer that asks for a
 * stream with unbounded demand and never reads would otherwise make this node queue what
 * the socket cannot take without end; a connection whose peer falls more than the bound
 * behind is closed, counted and logged.
 *
 * @author LiteMesh team
 */
final class OutboundBound {

	private static final String NAME = "litemesh-outbound-bound";

	private final long limit;

	private final String nodeId;

	private final SecurityEvents events;

	/**
	 * Create the bound of a node's connections.
	 * @param limit most bytes one connection may hold queued
	 * @param nodeId the node's id, for the log
	 * @param events where closed connections are counted
	 */
	OutboundBound(long limit, String nodeId, SecurityEvents events) {
		this.limit = limit;
		this.nodeId = nodeId;
		this.events = events;
	}

	/**
	 * Watch a new connection.
	 * @param connection the connection, accepted or dialled
	 */
	void watch(Connection connection) {
		connection.addHandlerLast(NAME, new Watcher());
	}

	/**
	 * Checks what is queued after every write; one per connection.
	 */
	private final class Watcher extends ChannelOutboundHandlerAdapter {

		private boolean closed;

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			context.write(message, promise);
			Channel channel = context.channel();
			// beyond the high water mark the channel is unwritable; what it still must
			// drain before it is writable again is what its peer has not read
			if (!this.closed && !channel.isWritable() && channel.bytesBeforeWritable() > OutboundBound.this.limit) {
				this.closed = true;
				OutboundBound.this.events.refused(Refusal.SLOW_PEER,
						"the peer at " + channel.remoteAddress() + " fell more than " + OutboundBound.this.limit
								+ " bytes behind reading what it asked for; node " + OutboundBound.this.nodeId
								+ " closed the connection");
				channel.close();
			}
		}

	}

}
