/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.PayloadTooLargeException;
import io.litemesh.codec.MessageIds;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link MailboxStore} on a directory that several JVMs share, on one host or on a
 * shared mount. The layout:
 * <ul>
 * <li>{@code registry/<cluster>/<node>.json}: a node's entry, rewritten atomically (a
 * temporary file renamed over it) at every check-in; its lease is the time stamp
 * inside.</li>
 * <li>{@code mail/<node>/tmp|new|cur|rejected}: the node's mailbox, Maildir style. A
 * sender writes a message to {@code tmp/}, forces it to disk and renames it into
 * {@code new/}, so a reader never sees half a file. The recipient claims a message by
 * renaming it into {@code cur/}: a rename can succeed only once, so two claimers never
 * get one message. It deletes the file once the message is handled; a claim left longer
 * than the claim timeout (the claimer died) is renamed back into {@code new/}. Files that
 * do not parse or are too large go to {@code rejected/}.</li>
 * </ul>
 * The directory is untrusted input, as anyone who can write to it can plant anything: the
 * store never follows a symbolic link below it, reads only regular files (anything else
 * is set aside unread), checks a file's size before reading a byte, and deletes only
 * directory entries below it. Renames within one directory tree are atomic on local file
 * systems and on NFS; the store needs no locks.
 * <p>
 * One class on purpose: it is the {@link MailboxStore} contract over one directory tree,
 * method for method; file names, reading, the registry and waiting for mail are classes
 * of their own.
 *
 * @author LiteMesh team
 */
public final class FileMailboxStore implements MailboxStore {

	private static final Log logger = LogFactory.getLog(FileMailboxStore.class);

	/** Longest pause between two polls of an empty mailbox. */
	public static final Duration IDLE_POLL_INTERVAL = Duration.ofMillis(500);

	/** Room for the envelope, the other fields and the JSON around the Base64 data. */
	private static final int HEADROOM = 64 * 1024;

	/** The default of {@code litemesh.max-frame-size}: 16 MB. */
	private static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

	/** How long a file may stay in {@code tmp/} before it counts as left by a crash. */
	private static final Duration STALE_TMP = Duration.ofHours(1);

	/** How long set-aside files are kept for an operator to look at. */
	private static final Duration REJECTED_RETENTION = Duration.ofDays(1);

	private final Path directory;

	private final Duration claimTimeout;

	private final long maxFileSize;

	private final MailFileReader files;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong expiredWhileClaiming = new AtomicLong();

	private final Map<UUID, Path> claimed = new ConcurrentHashMap<>();

	private final FileRegistry registry;

	private final Map<String, MailboxWaiter> waiters = new ConcurrentHashMap<>();

	private final Map<String, Long> lastReclaim = new ConcurrentHashMap<>();

	/**
	 * Create a store on a directory with the default claim timeout and a size bound that
	 * fits payloads of the default {@code litemesh.max-frame-size}.
	 * @param directory the shared directory, created when missing
	 */
	public FileMailboxStore(Path directory) {
		this(directory, CLAIM_TIMEOUT, maxFileSize(DEFAULT_MAX_FRAME_SIZE));
	}

	/**
	 * Create a store on a directory.
	 * @param directory the shared directory, created when missing
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @param maxFileSize the largest message file accepted, in bytes; see
	 * {@link #maxFileSize(int)}
	 */
	public FileMailboxStore(Path directory, Duration claimTimeout, long maxFileSize) {
		this(directory, claimTimeout, maxFileSize, Clock.systemUTC());
	}

	/**
	 * Create a store that tells time by the given clock, such as the node's own.
	 * @param directory the shared directory, created when missing
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @param maxFileSize the largest message file accepted, in bytes
	 * @param clock the clock of claims, expiry and leases
	 */
	public FileMailboxStore(Path directory, Duration claimTimeout, long maxFileSize, Clock clock) {
		if (claimTimeout.isNegative() || claimTimeout.isZero()) {
			throw new IllegalArgumentException("'claimTimeout' must be positive, but was " + claimTimeout);
		}
		if (maxFileSize < 1024) {
			throw new IllegalArgumentException("'maxFileSize' must be at least 1024 bytes, but was " + maxFileSize);
		}
		this.directory = realPath(directory);
		this.claimTimeout = claimTimeout;
		this.maxFileSize = maxFileSize;
		this.files = new MailFileReader(maxFileSize, clock, this.mapper);
		this.clock = clock;
		this.registry = new FileRegistry(this.directory.resolve("registry"), clock, this.mapper,
				this.files::countRejected);
		FileOps.realDirectory(this.directory.resolve("registry"));
		FileOps.realDirectory(this.directory.resolve("mail"));
	}

	private static Path realPath(Path directory) {
		try {
			Files.createDirectories(directory);
			// the configured directory may be a link an operator made; nothing below it
			// is ever followed
			return directory.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the LiteMesh directory " + directory
					+ "; check litemesh.file.directory and its permissions", ex);
		}
	}

	/**
	 * Return the largest message file that carries a payload of the given size: Base64
	 * makes data a third larger, and metadata and fields need room besides.
	 * @param maxFrameSize the largest payload, as {@code litemesh.max-frame-size}
	 * @return the bound in bytes
	 */
	public static long maxFileSize(int maxFrameSize) {
		return ((long) maxFrameSize + MailMessage.MAX_METADATA) * 4 / 3 + HEADROOM;
	}

	/**
	 * Return the directory this store works in.
	 * @return the absolute path
	 */
	public Path directory() {
		return this.directory;
	}

	@Override
	public String transport() {
		return "file";
	}

	@Override
	public void checkIn(RegistryEntry entry) {
		this.registry.checkIn(entry);
	}

	@Override
	public void checkOut(String nodeId) {
		this.registry.checkOut(nodeId);
	}

	@Override
	public List<RegistryEntry> liveNodes(String cluster) {
		return this.registry.liveNodes(cluster);
	}

	@Override
	public void deliver(List<MailMessage> messages) {
		long now = this.clock.millis();
		for (MailMessage message : messages) {
			byte[] json = this.mapper.writeValueAsBytes(FileMessage.of(message));
			if (json.length > this.maxFileSize) {
				throw new PayloadTooLargeException("Message " + message.id() + " to node " + message.to() + " takes "
						+ json.length + " bytes, more than the " + this.maxFileSize + " a message file may take");
			}
			Path mailbox = mailbox(message.to());
			String name = MailFiles.messageName(message, now);
			// durable before it becomes visible: a delivered message survives a crash
			FileOps.writeAtomically(mailbox.resolve("new").resolve(name),
					mailbox.resolve("tmp").resolve(name + "." + MessageIds.next()), json, true);
		}
	}

	/**
	 * Claim messages, counting against {@code maxBytes} the size of every file read,
	 * whatever becomes of it, as its attributes tell before it is read.
	 */
	@Override
	public List<MailMessage> claim(String nodeId, int max, long maxBytes) {
		Path mailbox = mailbox(nodeId);
		reclaimIfDue(nodeId, mailbox);
		List<String> names = new ArrayList<>();
		for (Path file : FileOps.list(mailbox.resolve("new"))) {
			names.add(file.getFileName().toString());
		}
		names.sort(null);
		long now = this.clock.millis();
		List<MailMessage> messages = new ArrayList<>();
		long bytes = 0;
		boolean read = false;
		for (String name : names) {
			if (messages.size() >= max) {
				break;
			}
			BasicFileAttributes attributes = FileOps.attributes(mailbox.resolve("new").resolve(name));
			long size = (attributes != null && attributes.isRegularFile()) ? attributes.size() : 0;
			if (read && bytes + size > maxBytes) {
				// the rest waits for the next claim; the first file is read whatever its
				// size, so that a message larger than the budget still arrives
				break;
			}
			read |= size > 0;
			bytes += size;
			MailMessage message = claimOne(mailbox, nodeId, name, now);
			if (message != null) {
				messages.add(message);
			}
		}
		MailboxWaiter waiter = this.waiters.get(nodeId);
		if (waiter != null) {
			waiter.claimed(!messages.isEmpty());
		}
		return messages;
	}

	private @Nullable MailMessage claimOne(Path mailbox, String nodeId, String name, long now) {
		Path source = mailbox.resolve("new").resolve(name);
		if (!MailFiles.isMessageName(name)) {
			this.files.setAside(source, "its name is no message name");
			return null;
		}
		Path target = mailbox.resolve("cur").resolve(MailFiles.claimedName(name, now));
		if (!FileOps.move(source, target)) {
			// another claimer won
			return null;
		}
		// the name tells the expiry without reading the file; the message is checked too,
		// in case the name does not tell the truth
		if (removedAsExpired(target, MailFiles.expiresAt(name), now)) {
			return null;
		}
		MailMessage message = this.files.read(target, nodeId);
		if (message == null || removedAsExpired(target, message.expiresAtMillis(), now)) {
			return null;
		}
		this.claimed.put(message.id(), target);
		return message;
	}

	private boolean removedAsExpired(Path claimedFile, long expiresAt, long now) {
		if (expiresAt > now) {
			return false;
		}
		// counted by the claimer that deletes it, so once
		if (FileOps.deleteQuietly(claimedFile)) {
			this.expiredWhileClaiming.incrementAndGet();
		}
		return true;
	}

	private void reclaimIfDue(String nodeId, Path mailbox) {
		long now = this.clock.millis();
		Long last = this.lastReclaim.get(nodeId);
		if (last != null && now - last < Math.max(10, this.claimTimeout.toMillis() / 4)) {
			return;
		}
		this.lastReclaim.put(nodeId, now);
		for (Path file : FileOps.list(mailbox.resolve("cur"))) {
			String name = file.getFileName().toString();
			long claimedAt = MailFiles.claimedAt(name);
			String original = MailFiles.unclaimedName(name);
			if (original == null || claimedAt < 0) {
				this.files.setAside(file, "its name is no claimed message name");
			}
			else if (now - claimedAt >= this.claimTimeout.toMillis()) {
				// at-least-once: the claimer may have died; the receiver drops duplicates
				if (FileOps.move(file, mailbox.resolve("new").resolve(original))) {
					logger.debug("Offering message " + original + " to node " + nodeId + " again: claimed at "
							+ claimedAt + " and not acknowledged within " + this.claimTimeout);
				}
			}
		}
	}

	@Override
	public void acknowledge(List<UUID> messageIds) {
		for (UUID id : messageIds) {
			// only this instance claims for its node, so it knows every file it may
			// delete
			Path file = this.claimed.remove(id);
			if (file != null) {
				// gone already when reclaimed and handled again, or expired
				FileOps.deleteQuietly(file);
			}
		}
	}

	@Override
	public int expire() {
		long now = this.clock.millis();
		int removed = (int) this.expiredWhileClaiming.getAndSet(0);
		for (Path mailbox : FileOps.list(this.directory.resolve("mail"))) {
			BasicFileAttributes attributes = FileOps.attributes(mailbox);
			if (attributes == null || !attributes.isDirectory()) {
				// a link planted in mail/ is never followed, so nothing it points to is
				// cleaned up
				continue;
			}
			for (String box : List.of("new", "cur")) {
				for (Path file : FileOps.list(mailbox.resolve(box))) {
					long expiresAt = MailFiles.expiresAt(file.getFileName().toString());
					if (expiresAt >= 0 && expiresAt <= now && FileOps.deleteQuietly(file)) {
						removed++;
					}
				}
			}
			FileOps.deleteOlderThan(mailbox.resolve("tmp"), now - STALE_TMP.toMillis());
			long rejectedLimit = now - REJECTED_RETENTION.toMillis();
			for (Path file : FileOps.list(mailbox.resolve("rejected"))) {
				long setAsideAt = MailFiles.setAsideAt(file.getFileName().toString());
				if (setAsideAt < 0) {
					// not set aside by a node: by its own time stamp
					FileOps.deleteOlderThan(file, rejectedLimit);
				}
				else if (setAsideAt < rejectedLimit) {
					FileOps.deleteQuietly(file);
				}
			}
		}
		this.registry.expire();
		return removed;
	}

	@Override
	public void awaitMail(String nodeId, Duration timeout) throws InterruptedException {
		MailboxWaiter waiter = this.waiters.computeIfAbsent(nodeId,
				(id) -> new MailboxWaiter(mailbox(id).resolve("new"), IDLE_POLL_INTERVAL));
		waiter.await(timeout);
	}

	@Override
	public long rejected() {
		return this.files.rejected();
	}

	@Override
	public void close() {
		this.waiters.values().forEach(MailboxWaiter::close);
		this.waiters.clear();
	}

	/**
	 * Return the mailbox directory of a node, creating it when missing.
	 * @param nodeId the node
	 * @return the directory that holds {@code tmp}, {@code new}, {@code cur} and
	 * {@code rejected}
	 */
	Path mailbox(String nodeId) {
		// checked at every use, as another node may swap a directory for a link at any
		// time; a few attribute reads are cheap next to the I/O of a message
		Path mail = FileOps.realDirectory(this.directory.resolve("mail"));
		Path mailbox = FileOps.realDirectory(mail.resolve(MailFiles.safe(nodeId)));
		for (String box : List.of("tmp", "new", "cur", "rejected")) {
			FileOps.realDirectory(mailbox.resolve(box));
		}
		return mailbox;
	}

}
