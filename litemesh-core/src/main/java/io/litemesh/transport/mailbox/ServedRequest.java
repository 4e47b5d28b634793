/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.util.UUID;

import io.rsocket.Payload;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;

/**
 * A request a peer made of this node through a mailbox: subscribes to the responder's
 * answer with exactly the demand the peer sent (its initial demand, then each
 * {@code REQUEST_N}) and writes every element back as a {@code REPLY}, then
 * {@code COMPLETE} or {@code ERROR}. A request-response is a stream of one whose
 * {@code REPLY} ends it.
 *
 * @author LiteMesh team
 */
final class ServedRequest extends BaseSubscriber<Payload> {

	private final String peerId;

	private final UUID correlation;

	private final boolean single;

	private volatile long lastHeardMillis;

	private final Replier replier;

	private long demandBeforeSubscribe;

	private boolean subscribed;

	private boolean answered;

	ServedRequest(String peerId, UUID correlation, boolean single, long initialDemand, long startedAtMillis,
			Replier replier) {
		this.peerId = peerId;
		this.lastHeardMillis = startedAtMillis;
		this.correlation = correlation;
		this.single = single;
		this.demandBeforeSubscribe = initialDemand;
		this.replier = replier;
	}

	String peerId() {
		return this.peerId;
	}

	UUID correlation() {
		return this.correlation;
	}

	boolean single() {
		return this.single;
	}

	/**
	 * Return when the requester last said it waits: the request, a demand, or a
	 * keep-alive (a demand of 0).
	 * @return epoch milliseconds
	 */
	long lastHeardMillis() {
		return this.lastHeardMillis;
	}

	/**
	 * Record that the requester said it still waits.
	 * @param now the current time, epoch milliseconds
	 */
	void heard(long now) {
		this.lastHeardMillis = now;
	}

	/**
	 * Add the demand a {@code REQUEST_N} message carried.
	 * @param n how many more elements the requester takes
	 */
	void demand(long n) {
		synchronized (this) {
			if (!this.subscribed) {
				// a responder may subscribe late; keep the demand for then
				this.demandBeforeSubscribe = Operators.addCap(this.demandBeforeSubscribe, n);
				return;
			}
		}
		if (n > 0) {
			request(n);
		}
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		long initial;
		synchronized (this) {
			this.subscribed = true;
			initial = this.demandBeforeSubscribe;
		}
		if (initial > 0) {
			subscription.request(initial);
		}
	}

	@Override
	protected void hookOnNext(Payload element) {
		this.answered = true;
		this.replier.reply(this, MailMessage.Type.REPLY, element, null);
	}

	@Override
	protected void hookOnComplete() {
		if (!(this.single && this.answered)) {
			this.replier.reply(this, MailMessage.Type.COMPLETE, null, null);
		}
	}

	@Override
	protected void hookOnError(Throwable failure) {
		// what an RSocket error frame carries: the message, JSON for LiteMesh errors
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		this.replier.reply(this, MailMessage.Type.ERROR, null, message);
	}

	@Override
	protected void hookFinally(SignalType type) {
		this.replier.done(this);
	}

	/**
	 * Writes the answers of served requests.
	 */
	interface Replier {

		/**
		 * Write one answer.
		 * @param request the request answered
		 * @param type {@code REPLY}, {@code COMPLETE} or {@code ERROR}
		 * @param element the element of a {@code REPLY}, released by the replier
		 * @param error the message of an {@code ERROR}
		 */
		void reply(ServedRequest request, MailMessage.Type type, @Nullable Payload element, @Nullable String error);

		/**
		 * Forget a request that ended, whatever the way.
		 * @param request the request
		 */
		void done(ServedRequest request);

	}

}
