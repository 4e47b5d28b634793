/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import io.litemesh.MeshSecurity;
import io.litemesh.MeshSettings;
import io.litemesh.discovery.MulticastBeacons;
import io.litemesh.membership.LinkStateDatabase;
import io.litemesh.routing.RouteTable;
import io.litemesh.security.SecurityEvents;
import io.litemesh.security.SharedSecret;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.PeerDirectory;
import io.litemesh.transport.Transport;
import io.litemesh.transport.mailbox.MailboxSettings;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTransport;
import io.litemesh.transport.mailbox.MessageDedupe;
import io.litemesh.transport.memory.MemoryNetwork;
import io.litemesh.transport.memory.MemoryTransport;
import io.litemesh.transport.tcp.TcpSettings;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.transport.tcp.TcpTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * The transports of one node, made from its settings and options in the order the node
 * starts them: TCP, an in-memory network, then the durable stores, cheapest first.
 *
 * @author LiteMesh team
 */
final class NodeTransports {

	private final List<Transport> all = new ArrayList<>();

	private final @Nullable TcpTransport tcp;

	private final @Nullable MemoryTransport memory;

	private final @Nullable MulticastBeacons beacons;

	/**
	 * Make the transports of a node.
	 * @param settings the node's settings
	 * @param options the node's stores, TLS, link filter and in-memory network
	 * @param incarnation when the node started
	 * @param security stock clients' tokens
	 * @param events where refusals are counted
	 * @param inbound where received requests go
	 * @param links where links are registered
	 * @param database the link-state database, for the diallers
	 * @param routeTable the routes, for the diallers
	 * @param clock the node's clock
	 * @param scheduler the node's scheduler
	 */
	NodeTransports(MeshSettings settings, NodeOptions options, long incarnation, MeshSecurity security,
			SecurityEvents events, InboundHandler inbound, LinkRegistry links, LinkStateDatabase database,
			RouteTable routeTable, Clock clock, Scheduler scheduler) {
		String nodeId = settings.nodeId();
		BiPredicate<String, String> linkFilter = options.linkFilter;
		MemoryNetwork network = options.memoryNetwork;
		List<MailboxStore> stores = List.copyOf(options.mailboxStores);
		if (!settings.tcpEnabled() && stores.isEmpty() && network == null) {
			throw new IllegalStateException("Node " + nodeId + " has TCP off (litemesh.tcp.enabled=false) "
					+ "and no database, shared directory or in-memory network to reach other nodes through; turn TCP "
					+ "on, give the application a DataSource, or set litemesh.file.directory");
		}
		SharedSecret secret = (settings.secret() != null) ? new SharedSecret(settings.secret(), clock) : null;
		this.beacons = settings.tcpEnabled() ? Discovery.beacons(settings, secret, clock, scheduler) : null;
		PeerDirectory directory = new MembershipPeerDirectory(database, routeTable, this.beacons);
		if (settings.tcpEnabled()) {
			this.tcp = new TcpTransport(tcpSettings(settings, options.tls), incarnation, secret, events,
					security.clientTokens(), inbound, links, directory, (peer) -> linkFilter.test(nodeId, peer), clock,
					scheduler);
			this.all.add(this.tcp);
		}
		else {
			this.tcp = null;
		}
		if (network != null) {
			this.memory = new MemoryTransport(network,
					MemoryTransport.policy(nodeId, settings.maxLinks(), settings.reconnectMaxBackoff()), incarnation,
					settings.seeds(), inbound, links, directory, (peer) -> linkFilter.test(nodeId, peer), clock,
					scheduler);
			this.all.add(this.memory);
		}
		else {
			this.memory = null;
		}
		MailboxSettings mailboxSettings = new MailboxSettings(nodeId, settings.cluster(), incarnation,
				settings.requestTimeout(), settings.maxFrameSize(), options.mailboxTimings);
		// one dedupe for all: a message replayed into another store is still a duplicate
		MessageDedupe dedupe = new MessageDedupe();
		for (MailboxStore store : stores) {
			this.all.add(new MailboxTransport(mailboxSettings, store, secret, inbound, links, clock, dedupe));
		}
	}

	private static TcpSettings tcpSettings(MeshSettings settings, @Nullable TcpTls tls) {
		return new TcpSettings(settings.nodeId(), settings.cluster(), settings.tcpPort(), settings.bindAddress(),
				settings.advertisedAddress(), settings.secret() != null, settings.seeds(), settings.maxFrameSize(),
				settings.keepAliveInterval(), settings.keepAliveTimeout(), settings.reconnectMaxBackoff(),
				settings.maxLinks(), settings.ioThreads(), tls);
	}

	/**
	 * Return the transports in the order they start.
	 * @return the transports
	 */
	List<Transport> all() {
		return this.all;
	}

	/**
	 * Return the multicast beacons, when TCP is on and multicast discovery enabled.
	 * @return the beacons, {@code null} otherwise
	 */
	@Nullable MulticastBeacons beacons() {
		return this.beacons;
	}

	/**
	 * Return the connections TCP refused.
	 * @return the count, {@code 0} without TCP
	 */
	long refusedConnections() {
		TcpTransport tcp = this.tcp;
		return (tcp != null) ? tcp.refusedConnections() : 0;
	}

	/**
	 * Return whether the node's address was verified: TCP's check at start; an in-memory
	 * address is the network's own, verified by construction.
	 * @return the outcome, {@code null} for a node with no address to check
	 */
	@Nullable Boolean advertisedAddressVerified() {
		TcpTransport tcp = this.tcp;
		if (tcp != null) {
			return tcp.advertisedAddressVerified();
		}
		return (this.memory != null) ? Boolean.TRUE : null;
	}

}
