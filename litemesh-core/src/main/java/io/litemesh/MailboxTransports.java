/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.litemesh.security.SharedSecret;
import io.litemesh.transport.InboundHandler;
import io.litemesh.transport.LinkRegistry;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.transport.mailbox.MailboxTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The durable transports of one node, one per {@link MailboxStore} it was built with,
 * started after TCP and stopped before it.
 *
 * @author LiteMesh team
 */
final class MailboxTransports {

	private static final Log logger = LogFactory.getLog(MailboxTransports.class);

	private final List<MailboxTransport> transports = new ArrayList<>();

	MailboxTransports(MeshSettings settings, List<MailboxStore> stores, long incarnation, @Nullable SharedSecret secret,
			InboundHandler inbound, LinkRegistry links, MailboxTimings timings, Clock clock) {
		for (MailboxStore store : stores) {
			this.transports
				.add(new MailboxTransport(settings, store, incarnation, secret, inbound, links, timings, clock));
		}
	}

	void start() {
		this.transports.forEach(MailboxTransport::start);
	}

	/**
	 * Stop every transport, in reverse order: each checks out and closes its store.
	 */
	void stop() {
		for (int i = this.transports.size() - 1; i >= 0; i--) {
			try {
				this.transports.get(i).stop();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not stop the " + this.transports.get(i), ex);
			}
		}
	}

	/**
	 * Return the names of the transports.
	 * @return such as {@code [file]}
	 */
	List<String> names() {
		return this.transports.stream().map(MailboxTransport::transport).toList();
	}

	/**
	 * Return the state of every transport.
	 * @return one map of details per transport
	 */
	List<Map<String, Object>> health() {
		return this.transports.stream().map(MailboxTransport::health).toList();
	}

}
