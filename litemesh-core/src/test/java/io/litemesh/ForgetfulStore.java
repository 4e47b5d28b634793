/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.transport.mailbox.MailboxStore;

/**
 * A store whose node handles a message and then "crashes" before the first
 * acknowledgement of it: the acknowledgement is lost, so the store offers the message
 * again after the claim timeout.
 *
 * @author LiteMesh team
 */
final class ForgetfulStore extends DelegatingMailboxStore {

	final Set<UUID> forgotten = ConcurrentHashMap.newKeySet();

	ForgetfulStore(MailboxStore delegate) {
		super(delegate);
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		super.acknowledge(messageIds.stream().filter((id) -> !this.forgotten.add(id)).toList());
	}

}
