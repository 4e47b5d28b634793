/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import io.litemesh.MeshSecurity;
import io.litemesh.codec.JsonCodec;
import io.litemesh.observation.MeshObservations;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;
import io.litemesh.transport.memory.MemoryNetwork;
import io.litemesh.transport.tcp.TcpTls;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.ObjectMapper;

/**
 * What a node is built from besides its {@link io.litemesh.MeshSettings}: the parts an
 * application or a test hands {@link io.litemesh.MeshNode.Builder} (stores, TLS, mapper,
 * clock, scheduler, security, an in-memory network), collected here so the builder stays
 * a list of documented setters and the runtime reads them in one place. Each setter is
 * documented where applications call it, on the builder.
 *
 * @author LiteMesh team
 */
public final class NodeOptions {

	BiPredicate<String, String> linkFilter = (local, peer) -> true;

	final List<MailboxStore> mailboxStores = new ArrayList<>();

	MailboxTimings mailboxTimings = MailboxTimings.DEFAULT;

	@Nullable ObjectMapper mapper;

	Clock clock = Clock.systemUTC();

	@Nullable Scheduler scheduler;

	@Nullable TcpTls tls;

	boolean allowUnauthenticated;

	MeshObservations observations = MeshObservations.NONE;

	final Map<String, String> clientTokens = new LinkedHashMap<>();

	final Map<String, String> accessRules = new LinkedHashMap<>();

	@Nullable MemoryNetwork memoryNetwork;

	/**
	 * Set which peers a node may link to over its dialling transports.
	 * @param linkFilter tells, for this node's id and a peer's id, whether they may link
	 */
	public void linkFilter(BiPredicate<String, String> linkFilter) {
		this.linkFilter = linkFilter;
	}

	/**
	 * Add a durable transport's store.
	 * @param store the store
	 */
	public void mailboxStore(MailboxStore store) {
		this.mailboxStores.add(store);
	}

	/**
	 * Set the pace of the durable transports.
	 * @param mailboxTimings the timings
	 */
	public void mailboxTimings(MailboxTimings mailboxTimings) {
		this.mailboxTimings = mailboxTimings;
	}

	/**
	 * Set the payload mapper.
	 * @param mapper the mapper
	 */
	public void jsonMapper(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Set the clock of every layer.
	 * @param clock the clock
	 */
	public void clock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Set the scheduler of the periodic tasks, owned by the caller.
	 * @param scheduler the scheduler
	 */
	public void scheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Set TLS on every TCP connection.
	 * @param tls the TLS settings, {@code null} for plain TCP
	 */
	public void tls(@Nullable TcpTls tls) {
		this.tls = tls;
	}

	/**
	 * Allow a non-loopback bind without authentication.
	 * @param allowUnauthenticated {@code true} to accept the risk
	 */
	public void allowUnauthenticated(boolean allowUnauthenticated) {
		this.allowUnauthenticated = allowUnauthenticated;
	}

	/**
	 * Set how calls are observed.
	 * @param observations the observations
	 */
	public void observations(MeshObservations observations) {
		this.observations = observations;
	}

	/**
	 * Admit a stock client with a token, already checked.
	 * @param name the client's name
	 * @param token its token
	 */
	public void clientToken(String name, String token) {
		this.clientTokens.put(name, token);
	}

	/**
	 * Restrict who may call a service, the rule already checked.
	 * @param service the service
	 * @param rule the rule
	 */
	public void accessRule(String service, String rule) {
		this.accessRules.put(service, rule);
	}

	/**
	 * Join an in-memory network.
	 * @param memoryNetwork the network, {@code null} for none
	 */
	public void memoryNetwork(@Nullable MemoryNetwork memoryNetwork) {
		this.memoryNetwork = memoryNetwork;
	}

	/**
	 * Return whether TLS needs client certificates, which authenticate the peers.
	 * @return {@code true} with TLS and client-auth {@code need}
	 */
	public boolean tlsClientAuthRequired() {
		TcpTls tls = this.tls;
		return tls != null && tls.clientAuthRequired();
	}

	/**
	 * Return whether a non-loopback bind without authentication is allowed.
	 * @return the choice
	 */
	public boolean allowsUnauthenticated() {
		return this.allowUnauthenticated;
	}

	JsonCodec codec() {
		ObjectMapper given = this.mapper;
		return (given != null) ? new JsonCodec(given) : new JsonCodec();
	}

	MeshSecurity security() {
		return MeshSecurity.of(this.clientTokens, this.accessRules);
	}

	/**
	 * Return the scheduler the caller or the node's in-memory network owns.
	 * @return that scheduler, {@code null} when the node makes its own
	 */
	@Nullable Scheduler sharedScheduler() {
		MemoryNetwork network = this.memoryNetwork;
		return (this.scheduler != null) ? this.scheduler : (network != null) ? network.scheduler() : null;
	}

}
