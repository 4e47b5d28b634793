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
 * A store a test can make fail as a crashed node's would: after {@link #crash()} nothing
 * the node writes reaches the medium, so it cannot say goodbye or check out, while what
 * others wrote for it stays there.
 *
 * @author LiteMesh team
 */
final class CrashableStore implements MailboxStore {

	private final MailboxStore delegate;

	private volatile boolean crashed;

	CrashableStore(MailboxStore delegate) {
		this.delegate = delegate;
	}

	void crash() {
		this.crashed = true;
	}

	private void alive() {
		if (this.crashed) {
			throw new IllegalStateException("crashed");
		}
	}

	@Override
	public String transport() {
		return this.delegate.transport();
	}

	@Override
	public void checkIn(RegistryEntry entry) {
		alive();
		this.delegate.checkIn(entry);
	}

	@Override
	public void checkOut(String nodeId) {
		alive();
		this.delegate.checkOut(nodeId);
	}

	@Override
	public List<RegistryEntry> liveNodes(String cluster) {
		alive();
		return this.delegate.liveNodes(cluster);
	}

	@Override
	public void deliver(List<MailMessage> messages) {
		alive();
		this.delegate.deliver(messages);
	}

	@Override
	public List<MailMessage> claim(String nodeId, int max) {
		alive();
		return this.delegate.claim(nodeId, max);
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		alive();
		this.delegate.acknowledge(messageIds);
	}

	@Override
	public int expire() {
		alive();
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
