/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.function.Consumer;

import io.litemesh.test.TestMesh;
import io.litemesh.transport.mailbox.MailboxStore;

/**
 * What nodes share in the durable-transport scenarios: a directory, or tables in a
 * database.
 *
 * @author LiteMesh team
 */
interface DurableMedium extends TransportFixture {

	/**
	 * Make a store on the medium for one node.
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @return the store
	 */
	MailboxStore newStore(Duration claimTimeout);

	/**
	 * Reach the other nodes through a store of this medium only: TCP off, no seeds.
	 */
	@Override
	default Consumer<MeshNode.Builder> node() {
		return TestMesh.storeOnly(newStore(MailboxStore.CLAIM_TIMEOUT));
	}

	@Override
	default boolean durable() {
		return true;
	}

}
