/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Durable storage shared by nodes that may have no other way to reach each other: a
 * registry of live nodes and a mailbox per node. Implemented by the JDBC-table and
 * shared-directory transports.
 * <p>
 * Contract for implementations:
 * <ul>
 * <li>{@link #deliver} MUST make messages durable before it returns: a message delivered
 * is never lost while it has not expired, across restarts of either node.</li>
 * <li>{@link #claim} MUST NOT return one message to two concurrent claimers, MUST return
 * a claimed message again if it was not {@link #acknowledge acknowledged} within the
 * store's claim timeout ({@link #CLAIM_TIMEOUT} unless configured otherwise;
 * at-least-once: the claimer may have died), and MUST NOT return an expired message.</li>
 * <li>{@link #claim(String, int, long)} MUST bound what it reads by its byte budget: it
 * MUST NOT read more than {@code maxBytes} bytes of messages (their metadata and data, or
 * whatever larger form the store keeps them in) in one call, except that it MUST read the
 * oldest claimable message whatever its size (within the store's own size bound), so that
 * a message larger than the budget still arrives. One claim therefore holds at most
 * {@code maxBytes} plus one largest message in memory, however full the mailbox, and
 * before a single signature was checked.</li>
 * <li>Methods MUST be safe to call from several threads and MUST NOT block longer than
 * needed for their I/O; {@link #awaitMail} is the only method that waits.</li>
 * <li>A row or file that does not parse, is oversized, or belongs to another cluster MUST
 * be moved aside or deleted and counted in {@link #rejected()}, never returned and never
 * retried forever.</li>
 * </ul>
 * Every store passes the contract test {@code AbstractMailboxStoreTests} of the core's
 * test sources.
 *
 * @author LiteMesh team
 */
public interface MailboxStore extends AutoCloseable {

	/** How long a claim holds before the message is offered again. */
	Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Return the transport name, as the graph shows the links of this store.
	 * @return {@code jdbc} or {@code file}
	 */
	String transport();

	/**
	 * Register or renew this node in the registry.
	 * @param entry the node's entry; its lease ends at {@code entry.expiresAtMillis()}
	 */
	void checkIn(RegistryEntry entry);

	/**
	 * Remove this node from the registry, as it leaves.
	 * @param nodeId the node
	 */
	void checkOut(String nodeId);

	/**
	 * Return the registry entries of the given cluster whose lease has not ended.
	 * @param cluster the cluster
	 * @return the live entries
	 */
	List<RegistryEntry> liveNodes(String cluster);

	/**
	 * Store messages durably in their recipients' mailboxes.
	 * @param messages the messages
	 */
	void deliver(List<MailMessage> messages);

	/**
	 * Claim up to {@code max} unexpired messages of a mailbox, oldest first, with no byte
	 * budget beyond the store's own bound on each message.
	 * @param nodeId the mailbox owner
	 * @param max the most messages to return
	 * @return the claimed messages
	 */
	default List<MailMessage> claim(String nodeId, int max) {
		return claim(nodeId, max, Long.MAX_VALUE);
	}

	/**
	 * Claim up to {@code max} unexpired messages of a mailbox, oldest first, reading at
	 * most {@code maxBytes} bytes of them, but always the oldest claimable one.
	 * @param nodeId the mailbox owner
	 * @param max the most messages to return
	 * @param maxBytes the byte budget of this claim
	 * @return the claimed messages
	 */
	List<MailMessage> claim(String nodeId, int max, long maxBytes);

	/**
	 * Delete handled messages.
	 * @param messageIds the ids of the messages
	 */
	void acknowledge(List<UUID> messageIds);

	/**
	 * Delete handled messages, then claim, as {@link #acknowledge} and
	 * {@link #claim(String, int, long)} would one after the other. A store whose medium
	 * costs a round trip or a durable commit per call may do both in one, which is why a
	 * poller that claims again right after handling a batch calls this. The
	 * acknowledgement MUST be durable when this returns, also when it throws after the
	 * deletion.
	 * @param acknowledged the ids of handled messages to delete first, may be empty
	 * @param nodeId the mailbox owner
	 * @param max the most messages to return
	 * @param maxBytes the byte budget of this claim
	 * @return the claimed messages
	 */
	default List<MailMessage> acknowledgeAndClaim(List<UUID> acknowledged, String nodeId, int max, long maxBytes) {
		if (!acknowledged.isEmpty()) {
			acknowledge(acknowledged);
		}
		return claim(nodeId, max, maxBytes);
	}

	/**
	 * Delete expired messages and registry entries.
	 * @return how many messages were removed, counting those that {@link #claim} found
	 * expired and removed since the last call, each message once
	 */
	int expire();

	/**
	 * Wait until mail may have arrived for a node, or the timeout passes. A wake-up is a
	 * hint only; callers claim after every return.
	 * @param nodeId the mailbox owner
	 * @param timeout the longest wait
	 * @throws InterruptedException when interrupted while waiting
	 */
	void awaitMail(String nodeId, Duration timeout) throws InterruptedException;

	/**
	 * Return how many malformed, oversized or foreign rows or files were set aside.
	 * @return the count
	 */
	long rejected();

	/**
	 * Release the store's resources (listening connections, watchers).
	 */
	@Override
	void close();

}
