/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

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
final class CrashableStore extends DelegatingMailboxStore {

	private volatile boolean crashed;

	CrashableStore(MailboxStore delegate) {
		super(delegate);
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
	public void checkIn(RegistryEntry entry) {
		alive();
		super.checkIn(entry);
	}

	@Override
	public void checkOut(String nodeId) {
		alive();
		super.checkOut(nodeId);
	}

	@Override
	public List<RegistryEntry> liveNodes(String cluster) {
		alive();
		return super.liveNodes(cluster);
	}

	@Override
	public void deliver(List<MailMessage> messages) {
		alive();
		super.deliver(messages);
	}

	@Override
	public List<MailMessage> claim(String nodeId, int max, long maxBytes) {
		alive();
		return super.claim(nodeId, max, maxBytes);
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		alive();
		super.acknowledge(messageIds);
	}

	@Override
	public int expire() {
		alive();
		return super.expire();
	}

}
