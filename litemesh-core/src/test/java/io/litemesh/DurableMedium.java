/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;

import io.litemesh.transport.mailbox.MailboxStore;

/**
 * What nodes share in the durable-transport scenarios: a directory, or tables in a
 * database.
 *
 * @author LiteMesh team
 */
interface DurableMedium {

	/**
	 * Prepare an empty medium.
	 * @throws Exception when it cannot be made
	 */
	void create() throws Exception;

	/**
	 * Remove the medium.
	 * @throws Exception when it cannot be removed
	 */
	void drop() throws Exception;

	/**
	 * Make a store on the medium for one node.
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @return the store
	 */
	MailboxStore newStore(Duration claimTimeout);

	/**
	 * Return the transport the store's links show in the graph.
	 * @return {@code file} or {@code jdbc}
	 */
	String transport();

}
