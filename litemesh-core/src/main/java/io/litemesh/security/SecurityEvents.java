/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.security;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The refusals of one node: counted per {@link Refusal reason} and logged at WARN at most
 * once per reason and {@link #LOG_INTERVAL}, however many ids an attacker makes up. What
 * the other side wrote appears in a log line only as a short, escaped prefix.
 *
 * @author LiteMesh team
 */
public final class SecurityEvents {

	/** The shortest time between two WARN lines for one reason. */
	public static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(SecurityEvents.class);

	private static final int MAX_QUOTED = 64;

	private final String nodeId;

	private final Clock clock;

	private final Map<Refusal, AtomicLong> counts = new EnumMap<>(Refusal.class);

	private final Map<Refusal, AtomicLong> lastWarned = new EnumMap<>(Refusal.class);

	private final Map<Refusal, AtomicLong> unlogged = new EnumMap<>(Refusal.class);

	/**
	 * Create the refusal counters of a node.
	 * @param nodeId the node's id, for log lines
	 * @param clock the node's clock, for rate limiting
	 */
	public SecurityEvents(String nodeId, Clock clock) {
		this.nodeId = nodeId;
		this.clock = clock;
		for (Refusal refusal : Refusal.values()) {
			this.counts.put(refusal, new AtomicLong());
			this.lastWarned.put(refusal, new AtomicLong(Long.MIN_VALUE));
			this.unlogged.put(refusal, new AtomicLong());
		}
	}

	/**
	 * Count a refusal and log it, unless one of the same reason was logged within
	 * {@link #LOG_INTERVAL}.
	 * @param refusal why
	 * @param message what was refused, in this node's words: never a secret, and text the
	 * other side chose only through {@link #quote(String)}
	 */
	public void refused(Refusal refusal, String message) {
		this.counts.get(refusal).incrementAndGet();
		long now = this.clock.millis();
		AtomicLong last = this.lastWarned.get(refusal);
		long previous = last.get();
		if ((previous == Long.MIN_VALUE || now - previous >= LOG_INTERVAL.toMillis())
				&& last.compareAndSet(previous, now)) {
			long suppressed = this.unlogged.get(refusal).getAndSet(0);
			logger.warn("Node " + this.nodeId + " refused (" + refusal.tag() + "): " + message
					+ ((suppressed > 0) ? " [" + suppressed + " more of this kind not logged since the last]" : ""));
		}
		else {
			this.unlogged.get(refusal).incrementAndGet();
			if (logger.isDebugEnabled()) {
				logger.debug("Node " + this.nodeId + " refused (" + refusal.tag() + "): " + message);
			}
		}
	}

	/**
	 * Return how often each reason was counted.
	 * @return counts by {@link Refusal#tag()}, every reason included
	 */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.counts.forEach((refusal, count) -> counts.put(refusal.tag(), count.get()));
		return counts;
	}

	/**
	 * Return how often one reason was counted.
	 * @param refusal the reason
	 * @return the count
	 */
	public long count(Refusal refusal) {
		return this.counts.get(refusal).get();
	}

	/**
	 * Return text the other side chose, fit for a log line: at most 64 characters,
	 * control and non-ASCII characters escaped.
	 * @param text the text, may be {@code null}
	 * @return the quoted prefix
	 */
	public static String quote(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("'");
		int length = Math.min(text.length(), MAX_QUOTED);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
				quoted.append(c);
			}
			else {
				quoted.append(String.format("\\u%04x", (int) c));
			}
		}
		quoted.append('\'');
		if (text.length() > MAX_QUOTED) {
			quoted.append("... (").append(text.length()).append(" chars)");
		}
		return quoted.toString();
	}

}
