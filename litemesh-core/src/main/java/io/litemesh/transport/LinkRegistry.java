/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The links of one node, at most one per neighbour. When two nodes dial each other at
 * once, both keep the connection dialled by the node with the smaller id, so they agree
 * without talking about it.
 *
 * @author LiteMesh team
 */
public final class LinkRegistry {

	private static final Log logger = LogFactory.getLog(LinkRegistry.class);

	private final String localId;

	private final Listener listener;

	private final Predicate<String> allowed;

	private final Map<String, Link> links = new ConcurrentHashMap<>();

	private final Map<Link, Long> openedAt = new ConcurrentHashMap<>();

	/**
	 * Create an empty registry.
	 * @param localId the id of the local node
	 * @param listener told of every link that comes up or goes down
	 * @param allowed which peers this node may link to
	 */
	public LinkRegistry(String localId, Listener listener, Predicate<String> allowed) {
		this.localId = localId;
		this.listener = listener;
		this.allowed = allowed;
	}

	/**
	 * Add a link, resolving a duplicate to the same neighbour; the link that loses is
	 * closed.
	 * @param link the new link
	 * @return {@code true} when the link was kept
	 */
	public boolean add(Link link) {
		if (!this.allowed.test(link.peerId())) {
			logger.debug("Link to " + link.peerId() + " is not allowed; closing it");
			link.dispose();
			return false;
		}
		Link loser;
		synchronized (this) {
			Link current = this.links.get(link.peerId());
			if (current != null && !current.isDisposed() && !prefer(link, current)) {
				loser = link;
			}
			else {
				loser = current;
				this.links.put(link.peerId(), link);
			}
		}
		if (loser != null) {
			logger.debug("Closing duplicate " + loser.transport() + " link to " + loser.peerId());
			loser.dispose();
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

	private boolean prefer(Link candidate, Link current) {
		boolean localDialsPreferred = this.localId.compareTo(candidate.peerId()) < 0;
		boolean candidatePreferred = candidate.dialedByLocal() == localDialsPreferred;
		boolean currentPreferred = current.dialedByLocal() == localDialsPreferred;
		return candidatePreferred && !currentPreferred;
	}

	private void removed(Link link) {
		this.openedAt.remove(link);
		if (this.links.remove(link.peerId(), link)) {
			this.listener.linkDown(link);
		}
	}

	/**
	 * Return the link to a neighbour.
	 * @param peerId the neighbour
	 * @return the link, {@code null} when there is none
	 */
	public @Nullable Link get(String peerId) {
		Link link = this.links.get(peerId);
		return (link != null && !link.isDisposed()) ? link : null;
	}

	/**
	 * Return every open link.
	 * @return the links
	 */
	public List<Link> links() {
		List<Link> open = new ArrayList<>();
		for (Link link : this.links.values()) {
			if (!link.isDisposed()) {
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
		this.links.values().forEach(Link::dispose);
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
