/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Writes outgoing messages to the store on a thread of its own, so that callers on event
 * loops never wait for disk or database I/O. One thread keeps the order in which messages
 * were handed over, which a stream's elements need; it writes whatever queued up
 * meanwhile as one batch.
 * <p>
 * A stream's messages ({@code STREAM}, {@code REQUEST_N}, {@code REPLY},
 * {@code COMPLETE}) must not arrive with a gap: once one of them could not be stored, the
 * later ones of that interaction are refused too, and only a {@code CANCEL} or an
 * {@code ERROR} can still end it.
 *
 * @author LiteMesh team
 */
final class MailSender {

	/**
	 * Most messages queued before senders are refused; bounds memory when the store is
	 * slow.
	 */
	static final int QUEUE_CAPACITY = 10_000;

	private static final int BATCH = 100;

	/**
	 * Most interactions remembered as broken. A store that fails breaks every interaction
	 * it writes for, so this bounds memory through an outage; the oldest are forgotten
	 * first, long after their queued messages were refused.
	 */
	private static final int MAX_BROKEN = 1024;

	private final MailboxStore store;

	private final MailSigner signer;

	private final StoreHealth health;

	private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);

	private final Thread thread;

	/** Interactions with a message that could not be stored; the sender thread's only. */
	private final Set<UUID> broken = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
			return size() > MAX_BROKEN;
		}

	});

	private volatile boolean closed;

	MailSender(String name, MailboxStore store, MailSigner signer, StoreHealth health) {
		this.store = store;
		this.signer = signer;
		this.health = health;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Store a message.
	 * @param message the message, unsigned
	 * @return completes once the message is durable in the store
	 */
	Mono<Void> send(MailMessage message) {
		return Mono.create((sink) -> enqueue(message, sink::success, sink::error));
	}

	/**
	 * Store a message, reporting a failure only to the given callback.
	 * @param message the message, unsigned
	 * @param onError told when the message could not be stored, may be {@code null}
	 */
	void post(MailMessage message, @Nullable Consumer<Throwable> onError) {
		enqueue(message, null, onError);
	}

	private void enqueue(MailMessage message, @Nullable Runnable onStored, @Nullable Consumer<Throwable> onError) {
		Outgoing outgoing = new Outgoing(message, onStored, onError);
		if (this.closed) {
			outgoing.failed(new RejectedExecutionException("The " + this.store.transport() + " transport stopped"));
		}
		else if (!this.queue.offer(outgoing)) {
			outgoing.failed(new RejectedExecutionException("The " + this.store.transport() + " transport has "
					+ QUEUE_CAPACITY + " messages waiting to be stored; the store is too slow or down"));
		}
	}

	private void run() {
		List<Outgoing> batch = new ArrayList<>();
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Outgoing first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
		Outgoing left;
		while ((left = this.queue.poll()) != null) {
			left.failed(new RejectedExecutionException("The " + this.store.transport() + " transport stopped"));
		}
	}

	private void write(List<Outgoing> batch) {
		List<Outgoing> writable = new ArrayList<>(batch.size());
		List<MailMessage> messages = new ArrayList<>(batch.size());
		for (Outgoing outgoing : batch) {
			MailMessage message = outgoing.message();
			if (inOrder(message.type()) && this.broken.contains(message.correlation())) {
				outgoing.failed(new IllegalStateException("An earlier message of interaction " + message.correlation()
						+ " could not be stored, so this " + message.type() + " would follow a gap"));
			}
			else {
				writable.add(outgoing);
				messages.add(this.signer.sign(message));
			}
		}
		if (writable.isEmpty()) {
			return;
		}
		try {
			this.store.deliver(messages);
			this.health.succeeded();
		}
		catch (RuntimeException ex) {
			this.health.failed("store messages", ex);
			for (Outgoing outgoing : writable) {
				if (inOrder(outgoing.message().type())) {
					this.broken.add(outgoing.message().correlation());
				}
				outgoing.failed(ex);
			}
			return;
		}
		writable.forEach(Outgoing::stored);
	}

	private static boolean inOrder(MailMessage.Type type) {
		return switch (type) {
			case STREAM, REQUEST_N, REPLY, COMPLETE -> true;
			default -> false;
		};
	}

	/**
	 * Stop taking messages and wait (bounded) for those queued to be written; the thread
	 * ends once they are.
	 * @param timeout how long to wait for the queue to drain
	 */
	void close(Duration timeout) {
		this.closed = true;
		try {
			// no interrupt: it could break the store's connection in the middle of a
			// write
			this.thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Outgoing(MailMessage message, @Nullable Runnable onStored, @Nullable Consumer<Throwable> onError) {

		void stored() {
			if (this.onStored != null) {
				this.onStored.run();
			}
		}

		void failed(Throwable failure) {
			if (this.onError != null) {
				this.onError.accept(failure);
			}
		}

	}

}
