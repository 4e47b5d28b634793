/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.litemesh.MeshTimeoutException;
import io.litemesh.codec.MessageIds;
import io.litemesh.codec.RemoteError;
import io.litemesh.transport.mailbox.MailFrames.Frame;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The responder half of the mailbox interactions: hands {@code FIRE}, {@code REQUEST} and
 * {@code STREAM} messages to the node's responder for the sending peer and writes what
 * that answers, with exactly the demand the requester sent ({@code REQUEST_N}), until the
 * requester cancels. Errors carry what an RSocket error frame would: the error's message.
 * <p>
 * A served request never outlives its requester. The requester's link going away (its
 * lease ended or it checked out) cancels what it asked at once. Besides, {@link #expire}
 * cancels:
 * <ul>
 * <li>a request-response once the request timeout has passed: its requester gave up by
 * then, and its own request expired;</li>
 * <li>a request or stream of a sender that has no link to this node, once the request
 * timeout has passed: no lease of that sender can run out to end it (without a secret,
 * anyone who can write to the store sends);</li>
 * <li>a stream whose requester said nothing for {@link #STREAM_SILENCE} request timeouts:
 * a requester sends a keep-alive (a {@code REQUEST_N} of 0) for each of its open streams
 * every third of the request timeout, so silence means its subscriber is gone though its
 * node lives on, as when its {@code CANCEL} could not be stored. The stream ends with a
 * timeout {@code ERROR}, in case the requester still listens.</li>
 * </ul>
 * Silence rather than the time a stream has run or waited for its source: a stream may
 * idle legitimately for long (a slow source, a consumer that paces itself).
 *
 * @author LiteMesh team
 */
final class MailResponder implements ServedRequest.Replier {

	private static final Log logger = LogFactory.getLog(MailResponder.class);

	private final MailSender sender;

	private final MailFrames frames;

	private final Function<String, RSocket> responders;

	private final Duration replyTtl;

	private final Clock clock;

	/** How many request timeouts a stream's requester may be silent before it ends. */
	static final int STREAM_SILENCE = 2;

	private final Map<UUID, ServedRequest> served = new ConcurrentHashMap<>();

	MailResponder(MailSender sender, MailFrames frames, Function<String, RSocket> responders, Duration replyTtl,
			Clock clock) {
		this.sender = sender;
		this.frames = frames;
		this.responders = responders;
		this.replyTtl = replyTtl;
		this.clock = clock;
	}

	/**
	 * Handle a request, a demand or a cancellation.
	 * @param message a message for this node, verified, unexpired and not seen before
	 */
	void receive(MailMessage message) {
		switch (message.type()) {
			case FIRE -> this.responders.apply(message.from())
				.fireAndForget(MailFrames.payload(message.metadata(), message.data()))
				.subscribe(null, (ex) -> logger.debug("Fire-and-forget from " + message.from() + " failed", ex));
			case REQUEST -> serve(message, 1, message.data(), true);
			case STREAM -> serve(message, MailFrames.demand(message.data()), MailFrames.rest(message.data()), false);
			case REQUEST_N -> {
				ServedRequest stream = servedFor(message);
				if (stream != null) {
					stream.heard(this.clock.millis());
					stream.demand(MailFrames.demand(message.data()));
				}
			}
			case CANCEL -> {
				ServedRequest stream = servedFor(message);
				if (stream != null) {
					stream.dispose();
				}
			}
			default -> throw new IllegalArgumentException("not a request: " + message.type());
		}
	}

	private @Nullable ServedRequest servedFor(MailMessage message) {
		ServedRequest stream = this.served.get(message.correlation());
		return (stream != null && stream.peerId().equals(message.from())) ? stream : null;
	}

	private void serve(MailMessage request, long initialDemand, byte[] data, boolean single) {
		ServedRequest stream = new ServedRequest(request.from(), request.correlation(), single, initialDemand,
				this.clock.millis(), this);
		this.served.put(request.correlation(), stream);
		Payload payload = MailFrames.payload(request.metadata(), data);
		RSocket responder = this.responders.apply(request.from());
		if (single) {
			responder.requestResponse(payload).subscribe(stream);
		}
		else {
			responder.requestStream(payload).subscribe(stream);
		}
	}

	/**
	 * Cancel what a peer asked of this node: it can take no answer any more.
	 * @param link the link to the peer that closed
	 */
	void linkClosed(MailboxLink link) {
		this.served.forEach((id, stream) -> {
			if (stream.peerId().equals(link.peerId()) && this.served.remove(id, stream)) {
				stream.dispose();
			}
		});
	}

	/**
	 * Cancel the served requests whose requester cannot be waiting any more, as the class
	 * description says.
	 * @param now the current time, epoch milliseconds
	 * @param linked tells whether a peer has an open link to this node
	 */
	void expire(long now, Predicate<String> linked) {
		long timeout = this.replyTtl.toMillis();
		this.served.forEach((id, stream) -> {
			long silence = now - stream.lastHeardMillis();
			boolean gone = silence > timeout && (stream.single() || !linked.test(stream.peerId()));
			boolean silent = !stream.single() && silence > STREAM_SILENCE * timeout;
			if ((gone || silent) && this.served.remove(id, stream)) {
				logger.debug("Cancelled " + (stream.single() ? "the request " : "the stream ") + id + " of "
						+ stream.peerId() + ": its requester said nothing for " + silence + " ms");
				if (silent) {
					RemoteError error = new RemoteError(RemoteError.CODE_TIMEOUT, MeshTimeoutException.class.getName(),
							"The requester of the stream said nothing for " + silence + " ms; the stream ended");
					reply(stream, MailMessage.Type.ERROR, null, error.toJson());
				}
				stream.dispose();
			}
		});
	}

	@Override
	public void reply(ServedRequest request, MailMessage.Type type, @Nullable Payload element, @Nullable String error) {
		Frame frame = (element != null) ? this.frames.frame(element) : new Frame(MailFrames.EMPTY,
				(error != null) ? error.getBytes(StandardCharsets.UTF_8) : MailFrames.EMPTY);
		this.sender.post(this.frames.message(request.peerId(), type, MessageIds.next(), request.correlation(), frame,
				this.replyTtl), (ex) -> replyFailed(request, type, ex));
	}

	private void replyFailed(ServedRequest request, MailMessage.Type type, Throwable failure) {
		logger.debug("Could not store a " + type + " for " + request.peerId() + ": " + failure.getMessage());
		if (type == MailMessage.Type.ERROR) {
			return;
		}
		// the sender refuses the rest of this answer now (see MailSender): stop making it
		// and tell the requester, rather than leave it waiting for what will not come
		this.served.remove(request.correlation(), request);
		request.dispose();
		RemoteError error = new RemoteError(RemoteError.CODE_REMOTE, failure.getClass().getName(),
				"A " + type + " could not be stored in the mailbox, so the answer ended: " + failure.getMessage());
		reply(request, MailMessage.Type.ERROR, null, error.toJson());
	}

	@Override
	public void done(ServedRequest request) {
		this.served.remove(request.correlation(), request);
	}

}
