/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.transport.mailbox.MailMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the message files a {@link FileMailboxStore} claimed, and sets aside (and counts)
 * every file that must never be offered again: oversized, malformed or misaddressed.
 *
 * @author LiteMesh team
 */
final class MailFileReader {

	private static final Log logger = LogFactory.getLog(FileMailboxStore.class);

	private final long maxFileSize;

	private final Clock clock;

	private final JsonMapper mapper;

	private final AtomicLong rejected = new AtomicLong();

	MailFileReader(long maxFileSize, Clock clock, JsonMapper mapper) {
		this.maxFileSize = maxFileSize;
		this.clock = clock;
		this.mapper = mapper;
	}

	/**
	 * Read a claimed message file, setting aside one that is oversized, malformed or
	 * misaddressed.
	 * @param file the claimed file
	 * @param nodeId the node that claimed it
	 * @return the message, {@code null} when set aside or gone
	 */
	@Nullable MailMessage read(Path file, String nodeId) {
		try {
			// the entry itself: a link to /dev/zero or a FIFO is set aside unopened, as
			// reading it would exhaust memory or hang the poller
			BasicFileAttributes attributes = FileOps.attributes(file);
			if (attributes == null) {
				// reclaimed or expired by another node meanwhile
				return null;
			}
			if (!attributes.isRegularFile()) {
				setAside(file, "it is " + FileOps.kind(attributes) + ", not a regular file");
				return null;
			}
			long size = attributes.size();
			if (size > this.maxFileSize) {
				setAside(file, size + " bytes, more than " + this.maxFileSize);
				return null;
			}
			byte[] content = FileOps.readBounded(file, this.maxFileSize);
			MailMessage message = this.mapper.readValue(content, FileMessage.class).toMessage();
			if (!message.to().equals(nodeId) || !message.id().equals(MailFiles.id(file.getFileName().toString()))) {
				setAside(file, "it is addressed to " + message.to() + " as message " + message.id());
				return null;
			}
			if (message.metadata().length > MailMessage.MAX_METADATA) {
				setAside(file, "metadata of " + message.metadata().length + " bytes");
				return null;
			}
			return message;
		}
		catch (NoSuchFileException ex) {
			// reclaimed or expired by another node meanwhile
			return null;
		}
		catch (FileSystemException ex) {
			// ELOOP: swapped for a link after its attributes were read
			setAside(file, "it cannot be opened without following a link: " + ex.getMessage());
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		catch (RuntimeException ex) {
			setAside(file, "it does not parse: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Move a file into its mailbox's {@code rejected/} directory and count it.
	 * @param file the file
	 * @param reason why, for the log
	 */
	void setAside(Path file, String reason) {
		Path mailbox = file.getParent().getParent();
		// the time goes into the name, as touching the file would open it, and opening a
		// FIFO hangs: kept for a while from now, for an operator to look at
		Path target = mailbox.resolve("rejected")
			.resolve(MailFiles.setAsideName(file.getFileName().toString(), this.clock.millis()));
		if (FileOps.move(file, target)) {
			this.rejected.incrementAndGet();
			logger.warn("Set aside mailbox file " + file.getFileName() + " of " + mailbox + ": " + reason);
		}
	}

	/**
	 * Count a file set aside elsewhere, such as a malformed registry entry.
	 */
	void countRejected() {
		this.rejected.incrementAndGet();
	}

	long rejected() {
		return this.rejected.get();
	}

}
