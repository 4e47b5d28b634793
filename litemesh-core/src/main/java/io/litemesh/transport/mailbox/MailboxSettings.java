/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;

/**
 * What a {@link MailboxTransport} needs to know of its node.
 *
 * @param nodeId the node's id, also its mailbox
 * @param cluster the node's cluster: only peers of the same cluster are linked
 * @param incarnation when the node started, as it checks in
 * @param requestTimeout how long a request waits for its reply
 * @param maxFrameSize largest payload sent or accepted, in bytes
 * @param timings check-in interval, lease and message lifetimes
 * @author LiteMesh team
 */
public record MailboxSettings(String nodeId, String cluster, long incarnation, Duration requestTimeout,
		int maxFrameSize, MailboxTimings timings) {
}
