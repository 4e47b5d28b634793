/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The state of one durable transport of a node, as its health shows it.
 *
 * @param transport the transport's name, such as {@code jdbc} or {@code file}
 * @param status {@code UP}, or {@code DOWN} while its store fails
 * @param peers the peers linked through it
 * @param rejected messages set aside as malformed, oversized or foreign, and registry
 * entries ignored as unsigned or wrongly signed (with a secret)
 * @param expired messages that expired before they were handled
 * @param duplicates messages delivered again and dropped
 * @param signatureFailures messages whose signature did not verify
 * @param pendingRequests requests sent through it that wait for their reply
 * @param error the last failure of the store, {@code null} while it works
 * @author LiteMesh team
 */
public record TransportHealth(String transport, String status, int peers, long rejected, long expired, long duplicates,
		long signatureFailures, int pendingRequests,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String error) {

	/**
	 * Return whether the transport works.
	 * @return {@code true} when its status is {@code UP}
	 */
	@JsonIgnore
	public boolean isUp() {
		return "UP".equals(this.status);
	}

}
