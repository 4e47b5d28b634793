/**
 * Durable mailboxes as mesh links: the store SPI that the JDBC and shared-directory
 * transports implement, and the link that makes a mailbox look like an RSocket to the
 * rest of the node.
 */
@NullMarked
package io.litemesh.transport.mailbox;

import org.jspecify.annotations.NullMarked;
