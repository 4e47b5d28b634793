/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.memory;

import java.util.concurrent.atomic.AtomicBoolean;

import io.litemesh.transport.RSocketLink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One in-memory link between two nodes, as a connection is one between two sockets: the
 * end the dialling node holds, the end the dialled node holds, and a lane for each
 * direction. Closing either end closes both, and both nodes see their link go down.
 *
 * @author LiteMesh team
 */
final class MemoryConnection {

	private final String dialler;

	private final String dialled;

	private final RSocketLink diallerEnd;

	private final RSocketLink dialledEnd;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Sinks.Empty<Void> onClose = Sinks.empty();

	MemoryConnection(MemoryNetwork network, MemoryTransport from, MemoryTransport to) {
		this.dialler = from.nodeId();
		this.dialled = to.nodeId();
		Lane forth = network.lane(this.dialler + "->" + this.dialled);
		Lane back = network.lane(this.dialled + "->" + this.dialler);
		// each end's requests go to the responder the other node keeps for this link
		this.diallerEnd = new RSocketLink(this.dialled, to.incarnation(), MemoryTransport.NAME,
				new MemoryRequester(this, forth, to.responderFor(this.dialler)), true);
		this.dialledEnd = new RSocketLink(this.dialler, from.incarnation(), MemoryTransport.NAME,
				new MemoryRequester(this, back, from.responderFor(this.dialled)), false);
	}

	String dialler() {
		return this.dialler;
	}

	String dialled() {
		return this.dialled;
	}

	RSocketLink diallerEnd() {
		return this.diallerEnd;
	}

	RSocketLink dialledEnd() {
		return this.dialledEnd;
	}

	boolean joins(String nodeId) {
		return this.dialler.equals(nodeId) || this.dialled.equals(nodeId);
	}

	boolean isClosed() {
		return this.closed.get();
	}

	Mono<Void> onClose() {
		return this.onClose.asMono();
	}

	/**
	 * Close both ends; idempotent and non-blocking. Requests still queued are not
	 * delivered, and requests awaiting an answer fail.
	 */
	void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.onClose.tryEmitEmpty();
		}
	}

	@Override
	public String toString() {
		return this.dialler + "<->" + this.dialled;
	}

}
