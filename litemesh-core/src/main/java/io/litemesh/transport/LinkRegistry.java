/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The links of one node: at most one per neighbour and transport, so a neighbour may be
 * reached over TCP and, as a fallback, through a durable mailbox. When two nodes dial
 * each other at once, both keep the connection dialled by the node with the smaller id,
 * so they agree without talking about it. {@link #get(String)} returns the cheapest open
 * link to a neighbour, so traffic falls back to the next transport as soon as a link
 * closes.
 *
 * @author LiteMesh team
 */
public final class LinkRegistry {

	private static final Log logger = LogFactory.getLog(LinkRegistry.class);

	/**
	 * How long a duplicate link stays open for the requests it carries: the request
	 * timeout's default, so a call already under way finishes as it would have.
	 */
	static final Duration DUPLICATE_GRACE = Duration.ofSeconds(10);

	private final String localId;

	private final Listener listener;

	private final Map<String, Map<String, Link>> links = new ConcurrentHashMap<>();

	private final Map<Link, Long> openedAt = new ConcurrentHashMap<>();

	/**
	 * Create an empty registry.
	 * @param localId the id of the local node
	 * @param listener told of every link that comes up or goes down
	 */
	public LinkRegistry(String localId, Listener listener) {
		this.localId = localId;
		this.listener = listener;
	}

	/**
	 * Add a link, resolving a duplicate to the same neighbour over the same transport;
	 * the link that loses is closed.
	 * @param link the new link
	 * @return {@code true} when the link was kept
	 */
	public boolean add(Link link) {
		Link loser;
		synchronized (this) {
			Map<String, Link> byTransport = this.links.computeIfAbsent(link.peerId(),
					(peer) -> new ConcurrentHashMap<>());
			Link current = byTransport.get(link.transport());
			if (current != null && !current.isDisposed() && !prefer(link, current)) {
				loser = link;
			}
			else {
				loser = current;
				byTransport.put(link.transport(), link);
			}
		}
		if (loser != null) {
			retire(loser);
		}
		if (loser == link) {
			return false;
		}
		this.openedAt.put(link, System.nanoTime());
		link.onClose().doFinally((signal) -> removed(link)).subscribe(null, (ex) -> {
		});
		this.listener.linkUp(link);
		return true;
	}

	/**
	 * Close a duplicate link once the requests it carries had time to finish: when two
	 * nodes dial each other at once, either may have sent requests over the connection
	 * that loses the tie-break before the other arrived, and closing it at once failed
	 * them with a lost link. No new request takes it, as it is no longer registered.
	 */
	private static void retire(Link loser) {
		logger.debug("Closing duplicate " + loser.transport() + " link to " + loser.peerId() + " in "
				+ DUPLICATE_GRACE.toMillis() + " ms");
		Mono.delay(DUPLICATE_GRACE).subscribe(null, null, loser::dispose);
	}

	private boolean prefer(Link candidate, Link current) {
		boolean localDialsPreferred = this.localId.compareTo(candidate.peerId()) < 0;
		boolean candidatePreferred = candidate.dialedByLocal() == localDialsPreferred;
		boolean currentPreferred = current.dialedByLocal() == localDialsPreferred;
		return candidatePreferred && !currentPreferred;
	}

	private void removed(Link link) {
		this.openedAt.remove(link);
		boolean removed;
		synchronized (this) {
			Map<String, Link> byTransport = this.links.get(link.peerId());
			removed = byTransport != null && byTransport.remove(link.transport(), link);
			if (byTransport != null && byTransport.isEmpty()) {
				this.links.remove(link.peerId());
			}
		}
		if (removed) {
			this.listener.linkDown(link);
		}
	}

	/**
	 * Return the cheapest open link to a neighbour.
	 * @param peerId the neighbour
	 * @return the link, {@code null} when there is none
	 */
	public @Nullable Link get(String peerId) {
		Map<String, Link> byTransport = this.links.get(peerId);
		if (byTransport == null) {
			return null;
		}
		Link cheapest = null;
		for (Link link : byTransport.values()) {
			if (!link.isDisposed() && (cheapest == null || link.cost() < cheapest.cost())) {
				cheapest = link;
			}
		}
		return cheapest;
	}

	/**
	 * Return the link to a neighbour over one transport.
	 * @param peerId the neighbour
	 * @param transport the transport, such as {@code tcp}
	 * @return the link, {@code null} when there is none
	 */
	public @Nullable Link get(String peerId, String transport) {
		Map<String, Link> byTransport = this.links.get(peerId);
		Link link = (byTransport != null) ? byTransport.get(transport) : null;
		return (link != null && !link.isDisposed()) ? link : null;
	}

	/**
	 * Return every open link, of every transport.
	 * @return the links
	 */
	public List<Link> links() {
		List<Link> open = new ArrayList<>();
		for (Map<String, Link> byTransport : this.links.values()) {
			for (Link link : byTransport.values()) {
				if (!link.isDisposed()) {
					open.add(link);
				}
			}
		}
		return open;
	}

	/**
	 * Return the open links of one transport.
	 * @param transport the transport, such as {@code tcp}
	 * @return the links
	 */
	public List<Link> links(String transport) {
		List<Link> open = new ArrayList<>();
		for (Link link : links()) {
			if (link.transport().equals(transport)) {
				open.add(link);
			}
		}
		return open;
	}

	/**
	 * Return how long a link has been open.
	 * @param link the link
	 * @return the age, zero for a link this registry does not hold
	 */
	public java.time.Duration age(Link link) {
		Long opened = this.openedAt.get(link);
		return (opened != null) ? java.time.Duration.ofNanos(System.nanoTime() - opened) : java.time.Duration.ZERO;
	}

	/**
	 * Close every link.
	 */
	public void disposeAll() {
		links().forEach(Link::dispose);
	}

	/**
	 * Told when links come up and go down.
	 */
	public interface Listener {

		/**
		 * A link came up.
		 * @param link the link
		 */
		void linkUp(Link link);

		/**
		 * A link went down.
		 * @param link the link
		 */
		void linkDown(Link link);

	}

}
