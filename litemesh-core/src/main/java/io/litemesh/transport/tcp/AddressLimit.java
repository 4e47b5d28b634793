/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.security.Refusal;
import io.litemesh.security.SecurityEvents;
import reactor.netty.Connection;

/**
 * Bounds the connections a node accepts from one remote address, before anything of them
 * is read: one host cannot take all the connections the node accepts in total. Several
 * nodes may share an address (containers behind one host's NAT, nodes on one machine), so
 * the bound is generous.
 *
 * @author LiteMesh team
 */
final class AddressLimit {

	private final int limit;

	private final SecurityEvents events;

	private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

	/**
	 * Create the bound.
	 * @param limit most connections from one address
	 * @param events where refused connections are counted
	 */
	AddressLimit(int limit, SecurityEvents events) {
		this.limit = limit;
		this.events = events;
	}

	/**
	 * Admit a new connection or close it.
	 * @param connection the accepted connection
	 * @return whether it was admitted
	 */
	boolean admit(Connection connection) {
		SocketAddress remote = connection.channel().remoteAddress();
		if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
			return true;
		}
		InetAddress address = socket.getAddress();
		int count = this.open.merge(address, 1, Integer::sum);
		connection.onDispose(() -> this.open.computeIfPresent(address, (key, value) -> (value > 1) ? value - 1 : null));
		if (count <= this.limit) {
			return true;
		}
		this.events.refused(Refusal.TOO_MANY_CONNECTIONS, "a connection from " + address.getHostAddress()
				+ " beyond the bound of " + this.limit + " connections from one address");
		connection.dispose();
		return false;
	}

}
