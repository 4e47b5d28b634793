/**
 * Membership: the link-state database of node advertisements that every node holds, and
 * the views of it.
 */
@NullMarked
package io.litemesh.membership;

import org.jspecify.annotations.NullMarked;
