/**
 * The shared-directory transport: a registry and Maildir-style mailboxes on a directory
 * that nodes on one host, or on hosts sharing a mount, all see.
 */
@NullMarked
package io.litemesh.transport.file;

import org.jspecify.annotations.NullMarked;
