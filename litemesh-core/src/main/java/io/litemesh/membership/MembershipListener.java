/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.util.Collection;

/**
 * Told of every change of the link-state database, so the layers above (routes, views)
 * follow it without membership knowing them.
 *
 * @author LiteMesh team
 */
@FunctionalInterface
public interface MembershipListener {

	/**
	 * The database changed. Called synchronously, one call at a time, before the change
	 * is flooded on, so whoever reads routes after a change sees it.
	 * @param advertisements the newest advertisement of every known node, the local one
	 * included
	 */
	void membershipChanged(Collection<NodeAdvertisement> advertisements);

}
