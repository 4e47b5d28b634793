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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The few file operations the shared-directory transport is built on: an atomic write (a
 * temporary file renamed into place) and an atomic rename that tells whether this caller
 * won it. Renames within one file system are atomic on local file systems and on NFS, so
 * the transport needs no locks.
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
			Files.createDirectories(temporary.getParent());
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
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
	 * Delete a file, or the files of a directory, last modified before a time.
	 * @param path the file or directory
	 * @param limitMillis the time, epoch milliseconds
	 */
	static void deleteOlderThan(Path path, long limitMillis) {
		if (Files.isDirectory(path)) {
			list(path).forEach((file) -> deleteOlderThan(file, limitMillis));
			return;
		}
		try {
			if (Files.getLastModifiedTime(path).toMillis() < limitMillis) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.debug("Could not clean up " + path + ": " + ex);
		}
	}

	/**
	 * List a directory.
	 * @param directory the directory
	 * @return its entries, none when it does not exist
	 */
	static List<Path> list(Path directory) {
		List<Path> files = new ArrayList<>();
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
