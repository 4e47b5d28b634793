/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

import java.util.concurrent.CompletableFuture;

/**
 * A connected client of one system, as the load driver sees it: one asynchronous echo
 * call. Implementations serialise the request and deserialise the reply with Jackson
 * (themselves, or through the system's own codec).
 *
 * @author LiteMesh team
 */
public interface EchoClient {

	/**
	 * Send one request and complete with the echoed reply.
	 * @param request the message to echo
	 * @return the reply, or the failure
	 */
	CompletableFuture<EchoMessage> call(EchoMessage request);

}
