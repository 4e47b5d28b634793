/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.litemesh.view.TransportHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides which claimed messages a node handles, and counts the rest: those without a
 * valid signature (with a secret), expired ones, ones that are not for this node or whose
 * expiry lies beyond the dedupe window, and duplicates of messages handled lately (a
 * store delivers at least once).
 *
 * @author LiteMesh team
 */
final class Inbox {

	private static final Log logger = LogFactory.getLog(MailboxTransport.class);

	/**
	 * The longest time to expiry a message may have: the ids of received messages are
	 * remembered until they expire, so longer ones are refused.
	 */
	static final Duration DEDUPE_WINDOW = Duration.ofMinutes(10);

	private final String nodeId;

	private final String transport;

	private final MailSigner signer;

	private final MessageDedupe recent;

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong expired = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicLong signatureFailures = new AtomicLong();

	private final AtomicLong badEntries = new AtomicLong();

	private final Set<String> badEntrySeen = new HashSet<>();

	Inbox(String nodeId, String transport, MailSigner signer, MessageDedupe recent) {
		this.nodeId = nodeId;
		this.transport = transport;
		this.signer = signer;
		this.recent = recent;
	}

	/**
	 * Return whether to handle a message, counting it when not.
	 * @param message a claimed message
	 * @param now the current time, epoch milliseconds
	 * @return {@code true} to handle it
	 */
	boolean accept(MailMessage message, long now) {
		if (!this.signer.verify(message)) {
			String text = "Node " + this.nodeId + " dropped an unsigned or wrongly signed " + this.transport
					+ " message from " + message.from() + "; check litemesh.security.secret on both nodes";
			if (this.signatureFailures.incrementAndGet() == 1) {
				logger.warn(text);
			}
			else {
				logger.debug(text);
			}
			return false;
		}
		if (message.expiresAtMillis() <= now) {
			this.expired.incrementAndGet();
			return false;
		}
		if (message.expiresAtMillis() > now + DEDUPE_WINDOW.toMillis() || !message.to().equals(this.nodeId)
				|| message.from().equals(this.nodeId)) {
			// an expiry beyond the dedupe window could come back as a duplicate
			this.rejected.incrementAndGet();
			return false;
		}
		if (!this.recent.add(message.id(), message.expiresAtMillis(), now)) {
			this.duplicates.incrementAndGet();
			return false;
		}
		return true;
	}

	/**
	 * Hand each message of a claimed batch on that {@link #accept} accepts.
	 * @param batch the claimed messages
	 * @param now the current time, epoch milliseconds
	 * @param receiver what handles an accepted message
	 */
	void handle(List<MailMessage> batch, long now, Consumer<MailMessage> receiver) {
		for (MailMessage message : batch) {
			try {
				if (accept(message, now)) {
					receiver.accept(message);
				}
			}
			catch (RuntimeException ex) {
				// one bad message must not stop the others, nor the poller
				rejected();
				logger.debug("Node " + this.nodeId + " dropped " + message.type() + " message " + message.id()
						+ " from " + message.from() + ": " + ex);
			}
		}
	}

	/**
	 * Count a registry entry that is unsigned or wrongly signed, warning of the first.
	 * @param entry the entry, ignored
	 */
	void rejectedEntry(RegistryEntry entry) {
		// a bad entry is read again at every check-in; counted once per node start
		synchronized (this.badEntrySeen) {
			if (this.badEntrySeen.size() >= 1024) {
				this.badEntrySeen.clear();
			}
			if (!this.badEntrySeen.add(entry.nodeId() + "|" + entry.incarnation())) {
				return;
			}
		}
		this.rejected.incrementAndGet();
		String text = "Node " + this.nodeId + " ignored an unsigned or wrongly signed " + this.transport
				+ " registry entry of node " + entry.nodeId() + "; check litemesh.security.secret on both nodes";
		if (this.badEntries.incrementAndGet() == 1) {
			logger.warn(text);
		}
		else {
			logger.debug(text);
		}
	}

	/**
	 * Count a message that failed while it was handled.
	 */
	void rejected() {
		this.rejected.incrementAndGet();
	}

	/**
	 * Count messages the store removed as expired.
	 * @param count how many
	 */
	void expired(int count) {
		this.expired.addAndGet(count);
	}

	/**
	 * Return the transport's health with the counters of this inbox.
	 * @param status {@code UP} or {@code DOWN}
	 * @param peers the peers linked through the transport
	 * @param storeRejected what the store set aside
	 * @param pendingRequests requests waiting for their reply
	 * @param error the store's last failure, {@code null} while it works
	 * @return the health
	 */
	TransportHealth health(String status, int peers, long storeRejected, int pendingRequests, @Nullable String error) {
		return new TransportHealth(this.transport, status, peers, this.rejected.get() + storeRejected,
				this.expired.get(), this.duplicates.get(), this.signatureFailures.get(), pendingRequests, error);
	}

}
