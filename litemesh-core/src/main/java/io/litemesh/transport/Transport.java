/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import java.util.List;

import io.litemesh.view.TransportHealth;
import org.jspecify.annotations.Nullable;

/**
 * A way for a node to reach its neighbours: it opens {@link Link links} and registers
 * them in the node's {@link LinkRegistry}, and hands what arrives over them to the node's
 * {@link InboundHandler}. The node's runtime starts its transports in the order it was
 * given them and stops them in reverse; routing and membership see links only, never a
 * transport.
 * <p>
 * Contract for implementations:
 * <ul>
 * <li>{@link #start()} MUST be called at most once, and MUST NOT return before the
 * transport accepts traffic: a bound server, a store the node is checked in to. It MAY
 * register links before it returns.</li>
 * <li>{@link #start()} MUST NOT throw for a peer that cannot be reached or a store that
 * fails for a while: it retries on its own and says so in {@link #health()}. It throws
 * only when the transport cannot work at all (a port that cannot be bound).</li>
 * <li>Every link a transport registers MUST deliver requests to the
 * {@link InboundHandler} as {@link Link} describes, and MUST be closed by {@link #stop()}
 * at the latest.</li>
 * <li>{@link #stop()} MUST be idempotent, MUST NOT throw, and MUST release every thread,
 * socket and connection the transport holds, bounded in time.</li>
 * <li>{@link #name()} MUST be the value of {@link Link#transport()} of its links.</li>
 * </ul>
 *
 * @author LiteMesh team
 */
public interface Transport {

	/**
	 * Return the transport's name, as the graph shows its links.
	 * @return such as {@code tcp}, {@code jdbc} or {@code file}
	 */
	String name();

	/**
	 * Start accepting and opening links.
	 * @return the addresses other nodes dial to reach this node, as URIs; empty when they
	 * reach it otherwise (a store's registry) or not at all (outbound only)
	 */
	List<String> start();

	/**
	 * Stop: close the links, release every resource.
	 */
	void stop();

	/**
	 * Return the state of the transport for the node's health.
	 * @return the state, {@code null} for a transport that reports through the node's own
	 * counters only
	 */
	@Nullable TransportHealth health();

}
