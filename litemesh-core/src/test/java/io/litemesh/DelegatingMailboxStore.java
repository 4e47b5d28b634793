/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;

/**
 * A store that hands every call to another, for test stores that change only a few calls
 * to override.
 *
 * @author LiteMesh team
 */
public abstract class DelegatingMailboxStore implements MailboxStore {

	private final MailboxStore delegate;

	/**
	 * Create a store that hands every call to another.
	 * @param delegate the store that serves the calls
	 */
	protected DelegatingMailboxStore(MailboxStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public String transport() {
		return this.delegate.transport();
	}

	@Override
	public void checkIn(RegistryEntry entry) {
		this.delegate.checkIn(entry);
	}

	@Override
	public void checkOut(String nodeId) {
		this.delegate.checkOut(nodeId);
	}

	@Override
	public List<RegistryEntry> liveNodes(String cluster) {
		return this.delegate.liveNodes(cluster);
	}

	@Override
	public void deliver(List<MailMessage> messages) {
		this.delegate.deliver(messages);
	}

	@Override
	public List<MailMessage> claim(String nodeId, int max, long maxBytes) {
		return this.delegate.claim(nodeId, max, maxBytes);
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		this.delegate.acknowledge(messageIds);
	}

	@Override
	public int expire() {
		return this.delegate.expire();
	}

	@Override
	public void awaitMail(String nodeId, Duration timeout) throws InterruptedException {
		this.delegate.awaitMail(nodeId, timeout);
	}

	@Override
	public long rejected() {
		return this.delegate.rejected();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
