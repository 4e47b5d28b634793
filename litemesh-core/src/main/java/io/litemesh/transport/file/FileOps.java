/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The few file operations the shared-directory transport is built on: an atomic write (a
 * temporary file renamed into place) and an atomic rename that tells whether this caller
 * won it. Renames within one file system are atomic on local file systems and on NFS, so
 * the transport needs no locks.
 * <p>
 * Whoever can write to the shared directory can plant anything in it, so these operations
 * never follow a symbolic link below the directory: attributes are read with
 * {@link LinkOption#NOFOLLOW_LINKS}, files are opened with it, directories are listed and
 * walked only when they are real directories, and a link is deleted or renamed as the
 * link itself. A rename and a delete act on the directory entry, never on what a link
 * points to. What remains is a race that no portable Java API closes: an entry swapped
 * for a FIFO between the check of its attributes and its opening would still block the
 * reader.
 *
 * @author LiteMesh team
 */
final class FileOps {

	private static final Log logger = LogFactory.getLog(FileOps.class);

	private FileOps() {
	}

	/**
	 * Write a file so that readers see all of it or nothing: write a temporary file, then
	 * rename it over the target.
	 * @param target the file to write
	 * @param temporary where to write first, in the same file system
	 * @param content the content
	 * @param durable whether to force the content to disk before the rename
	 */
	static void writeAtomically(Path target, Path temporary, byte[] content, boolean durable) {
		try {
			// CREATE_NEW fails on an existing link rather than writing through it
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				if (durable) {
					channel.force(true);
				}
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			throw new UncheckedIOException("Cannot write " + target, ex);
		}
	}

	/**
	 * Rename a file atomically.
	 * @param source the file
	 * @param target its new name
	 * @return {@code true} when this caller renamed it, {@code false} when the source was
	 * gone (another caller won) or the target existed
	 */
	static boolean move(Path source, Path target) {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (NoSuchFileException | FileAlreadyExistsException ex) {
			return false;
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IllegalStateException("The file system of " + source + " cannot rename atomically; "
					+ "litemesh.file.directory needs one that can", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move " + source + " to " + target, ex);
		}
	}

	/**
	 * Delete a file if it exists, logging a failure.
	 * @param file the file
	 * @return {@code true} when this caller deleted it
	 */
	static boolean deleteQuietly(Path file) {
		try {
			return Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not delete " + file + ": " + ex);
			return false;
		}
	}

	/**
	 * Delete a file, or the files of a real directory and its real subdirectories, last
	 * modified before a time. A symbolic link is never followed: an old one is deleted as
	 * the link, so that nothing outside the directory is ever deleted.
	 * @param path the file or directory, whose parent directories were checked to be real
	 * @param limitMillis the time, epoch milliseconds
	 */
	static void deleteOlderThan(Path path, long limitMillis) {
		BasicFileAttributes attributes = attributes(path);
		if (attributes == null) {
			return;
		}
		if (attributes.isDirectory()) {
			list(path).forEach((file) -> deleteOlderThan(file, limitMillis));
			return;
		}
		if (attributes.lastModifiedTime().toMillis() < limitMillis) {
			deleteQuietly(path);
		}
	}

	/**
	 * Return the attributes of a directory entry itself, not of what a link points to.
	 * @param path the entry
	 * @return the attributes, {@code null} when it is gone or cannot be read
	 */
	static @Nullable BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Return what a directory entry is, for the log.
	 * @param attributes its attributes
	 * @return {@code a symbolic link}, {@code a directory} or {@code a special file}
	 */
	static String kind(BasicFileAttributes attributes) {
		if (attributes.isSymbolicLink()) {
			return "a symbolic link";
		}
		return attributes.isDirectory() ? "a directory" : "a special file (FIFO, socket or device)";
	}

	/**
	 * Make sure a directory exists as a real directory, not a link to one, creating it
	 * when missing. Its parent must have been checked the same way.
	 * @param directory the directory
	 * @return the directory
	 * @throws UncheckedIOException when it cannot be created, or is a link or a file
	 */
	static Path realDirectory(Path directory) {
		BasicFileAttributes attributes = attributes(directory);
		if (attributes == null) {
			try {
				Files.createDirectory(directory);
			}
			catch (FileAlreadyExistsException ex) {
				// created meanwhile by another node; checked below
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create " + directory, ex);
			}
			attributes = attributes(directory);
		}
		if (attributes == null || !attributes.isDirectory()) {
			String what = (attributes != null) ? kind(attributes) : "gone";
			throw new UncheckedIOException(new IOException(directory + " is " + what
					+ ", not a directory; LiteMesh never follows links in litemesh.file.directory, remove it"));
		}
		return directory;
	}

	/**
	 * Read a regular file of at most a given size, without following a link to it.
	 * @param file the file, whose attributes said it is a regular file
	 * @param maxSize the most bytes to read
	 * @return the content
	 * @throws IOException when it cannot be read, or is a link
	 * @throws IllegalArgumentException when it grew beyond {@code maxSize}
	 */
	static byte[] readBounded(Path file, long maxSize) throws IOException {
		// NOFOLLOW_LINKS becomes O_NOFOLLOW: a file swapped for a link after its
		// attributes were read fails here instead of being read through the link
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxSize + 1, Math.max(0, channel.size()) + 1));
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				if (!buffer.hasRemaining() && buffer.capacity() <= maxSize) {
					// grew since its size was read; take what the bound allows
					ByteBuffer larger = ByteBuffer.allocate((int) Math.min(maxSize + 1, buffer.capacity() * 2L));
					buffer.flip();
					larger.put(buffer);
					buffer = larger;
				}
			}
			if (buffer.position() > maxSize) {
				throw new IllegalArgumentException("it grew beyond " + maxSize + " bytes while it was read");
			}
			byte[] content = new byte[buffer.position()];
			buffer.flip().get(content);
			return content;
		}
	}

	/**
	 * List a directory, which must be a real directory, not a link to one.
	 * @param directory the directory
	 * @return its entries, none when it does not exist or is a link
	 */
	static List<Path> list(Path directory) {
		List<Path> files = new ArrayList<>();
		BasicFileAttributes attributes = attributes(directory);
		if (attributes == null) {
			return files;
		}
		if (!attributes.isDirectory()) {
			// at debug: listing is periodic, and a planted link must not flood the log
			logger.debug("Skipped " + directory + ": it is " + kind(attributes)
					+ ", not a directory; LiteMesh never follows links in its directory");
			return files;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			stream.forEach(files::add);
		}
		catch (NoSuchFileException ex) {
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory, ex);
		}
		return files;
	}

}
