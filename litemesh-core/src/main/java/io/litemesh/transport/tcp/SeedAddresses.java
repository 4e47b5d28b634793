/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The addresses the {@link io.litemesh.transport.LinkDialler} dials as seeds. A seed
 * written as an IP address is itself; a seed with a host name stands for every address
 * the name resolves to (a Kubernetes headless service, a DNS round robin), resolved again
 * every {@link #RESOLVE_INTERVAL} while the node runs, so that a scaled-up deployment is
 * joined without restarts. Look-ups block, so they run on a thread of their own, one
 * round at a time, never on the dialler's tick; until a name has resolved, it is dialled
 * as written.
 *
 * @author LiteMesh team
 */
final class SeedAddresses {

	/** How often seed host names are resolved again. */
	static final Duration RESOLVE_INTERVAL = Duration.ofSeconds(10);

	/** Most addresses one seed name stands for. */
	static final int MAX_ADDRESSES = 32;

	private static final Log logger = LogFactory.getLog(SeedAddresses.class);

	/** Resolves a host name to all its addresses. */
	interface Lookup {

		InetAddress[] all(String host) throws UnknownHostException;

	}

	private final String nodeId;

	private final List<String> seeds;

	private final List<String> names;

	private final Lookup lookup;

	private final Clock clock;

	private final Map<String, List<String>> resolved = new ConcurrentHashMap<>();

	private final AtomicBoolean resolving = new AtomicBoolean();

	private volatile Instant nextRound = Instant.MIN;

	SeedAddresses(String nodeId, List<String> seeds, Lookup lookup, Clock clock) {
		this.nodeId = nodeId;
		this.seeds = List.copyOf(seeds);
		this.names = this.seeds.stream().filter(SeedAddresses::isName).toList();
		this.lookup = lookup;
		this.clock = clock;
	}

	SeedAddresses(String nodeId, List<String> seeds, Clock clock) {
		this(nodeId, seeds, InetAddress::getAllByName, clock);
	}

	/**
	 * Return the TCP seeds of a node: a seed of another transport ({@code memory://}) is
	 * that transport's to dial.
	 * @param settings the transport's settings
	 * @param clock the clock of the look-up rounds
	 * @return the seed addresses
	 */
	static SeedAddresses of(TcpSettings settings, Clock clock) {
		List<String> tcpSeeds = settings.seeds()
			.stream()
			.filter((seed) -> !seed.contains("://") || seed.startsWith("tcp://"))
			.toList();
		return new SeedAddresses(settings.nodeId(), tcpSeeds, clock);
	}

	/**
	 * Return the addresses to dial now, and start a round of look-ups when one is due.
	 * @return {@code host:port} addresses, a resolved name replaced by its addresses
	 */
	List<String> current() {
		startRoundIfDue();
		List<String> addresses = new ArrayList<>();
		for (String seed : this.seeds) {
			List<String> resolved = this.resolved.get(seed);
			if (resolved != null && !resolved.isEmpty()) {
				addresses.addAll(resolved);
			}
			else {
				addresses.add(seed);
			}
		}
		return addresses;
	}

	private void startRoundIfDue() {
		Instant now = this.clock.instant();
		if (this.names.isEmpty() || now.isBefore(this.nextRound) || !this.resolving.compareAndSet(false, true)) {
			return;
		}
		this.nextRound = now.plus(RESOLVE_INTERVAL);
		Mono.fromRunnable(this::resolveAll)
			.subscribeOn(Schedulers.boundedElastic())
			.doFinally((signal) -> this.resolving.set(false))
			.subscribe(null, (ex) -> logger.debug("Node " + this.nodeId + " could not resolve its seeds", ex));
	}

	/**
	 * Resolve every seed name once, keeping the previous addresses of a name that does
	 * not resolve now. One round at a time: a round that looked a name up before another
	 * round must not store its older answer after that round's.
	 */
	synchronized void resolveAll() {
		for (String seed : this.names) {
			HostAndPort parsed = parse(seed);
			try {
				List<String> addresses = Arrays.stream(this.lookup.all(parsed.host()))
					.map((address) -> format(address.getHostAddress(), parsed.port()))
					.distinct()
					.limit(MAX_ADDRESSES)
					.toList();
				List<String> previous = this.resolved.put(seed, addresses);
				if (!addresses.equals(previous) && (previous != null || addresses.size() > 1)) {
					logger.info("Node " + this.nodeId + ": seed " + seed + " resolves to " + addresses);
				}
			}
			catch (UnknownHostException ex) {
				logger.debug("Node " + this.nodeId + " cannot resolve seed " + seed + " now: " + ex.getMessage());
			}
		}
	}

	private static HostAndPort parse(String seed) {
		return HostAndPort.parse(seed, TcpSettings.DEFAULT_PORT);
	}

	private static String format(String host, int port) {
		return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

	private static boolean isName(String seed) {
		try {
			String host = parse(seed).host();
			return !host.matches("[0-9.]+") && !host.contains(":");
		}
		catch (IllegalArgumentException ex) {
			// dialled as written, it fails and says why, as before
			return false;
		}
	}

}
