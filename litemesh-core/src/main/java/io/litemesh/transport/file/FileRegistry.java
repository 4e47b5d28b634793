/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.litemesh.codec.MessageIds;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of the shared-directory transport: {@code registry/<cluster>/<node>.json}
 * per node, rewritten atomically at every check-in; the lease is the time stamp inside,
 * so that a reader needs no file times (which on a shared mount come from the server's
 * clock).
 *
 * @author LiteMesh team
 */
final class FileRegistry {

	private static final Log logger = LogFactory.getLog(FileRegistry.class);

	/** Largest registry file read; an entry takes about a hundred bytes. */
	private static final int MAX_ENTRY_SIZE = 64 * 1024;

	/** How long an expired entry is kept, so that a node restarting may renew it. */
	private static final Duration EXPIRED_ENTRY_GRACE = Duration.ofMinutes(1);

	/** How long a temporary file may stay before it counts as left by a crash. */
	private static final Duration STALE_TMP = Duration.ofHours(1);

	private final Path directory;

	private final Clock clock;

	private final Runnable onRejected;

	private final JsonMapper mapper;

	private final Map<String, String> clusters = new ConcurrentHashMap<>();

	FileRegistry(Path directory, Clock clock, JsonMapper mapper, Runnable onRejected) {
		this.directory = directory;
		this.clock = clock;
		this.mapper = mapper;
		this.onRejected = onRejected;
	}

	void checkIn(RegistryEntry entry) {
		Path clusterDirectory = FileOps
			.realDirectory(FileOps.realDirectory(this.directory).resolve(MailFiles.safe(entry.cluster())));
		String name = MailFiles.safe(entry.nodeId()) + MailFiles.SUFFIX;
		this.clusters.put(entry.nodeId(), entry.cluster());
		// not forced to disk: the entry is rewritten within a second anyway
		FileOps.writeAtomically(clusterDirectory.resolve(name),
				clusterDirectory.resolve("." + name + "." + MessageIds.next()), this.mapper.writeValueAsBytes(entry),
				false);
	}

	void checkOut(String nodeId) {
		String name = MailFiles.safe(nodeId) + MailFiles.SUFFIX;
		String cluster = this.clusters.remove(nodeId);
		List<Path> clusterDirectories = (cluster != null) ? List.of(this.directory.resolve(MailFiles.safe(cluster)))
				: FileOps.list(this.directory);
		for (Path clusterDirectory : clusterDirectories) {
			BasicFileAttributes attributes = FileOps.attributes(clusterDirectory);
			if (attributes == null || !attributes.isDirectory()) {
				// never through a link: the entry would be deleted elsewhere
				continue;
			}
			try {
				Files.deleteIfExists(clusterDirectory.resolve(name));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot check node " + nodeId + " out of " + this.directory, ex);
			}
		}
	}

	List<RegistryEntry> liveNodes(String cluster) {
		long now = this.clock.millis();
		List<RegistryEntry> live = new ArrayList<>();
		for (Path file : FileOps.list(this.directory.resolve(MailFiles.safe(cluster)))) {
			RegistryEntry entry = read(file, cluster);
			if (entry != null && entry.expiresAtMillis() > now) {
				live.add(entry);
			}
		}
		return live;
	}

	private @Nullable RegistryEntry read(Path file, String cluster) {
		String name = file.getFileName().toString();
		if (!name.endsWith(MailFiles.SUFFIX) || name.startsWith(".")) {
			return null;
		}
		try {
			RegistryEntry entry = parse(file);
			if (entry.nodeId() == null || !cluster.equals(entry.cluster())
					|| !name.equals(MailFiles.safe(entry.nodeId()) + MailFiles.SUFFIX)) {
				throw new IllegalArgumentException("registry file of another node or cluster");
			}
			return entry;
		}
		catch (NoSuchFileException ex) {
			// checked out meanwhile
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		catch (RuntimeException ex) {
			// a node rewrites its own entry at every check-in, so a bad one is deleted
			// rather than read again at every check-in of every node
			logger.warn("Deleted malformed registry file " + file + ": " + ex.getMessage());
			FileOps.deleteQuietly(file);
			this.onRejected.run();
			return null;
		}
	}

	private RegistryEntry parse(Path file) throws IOException {
		BasicFileAttributes attributes = FileOps.attributes(file);
		if (attributes == null) {
			throw new NoSuchFileException(file.toString());
		}
		// a link could point anywhere, and a FIFO would hang the reader: neither is read
		if (!attributes.isRegularFile()) {
			throw new IllegalArgumentException("it is " + FileOps.kind(attributes) + ", not a regular file");
		}
		// a registry file is a hundred bytes; a huge one is hostile, and is not read
		if (attributes.size() > MAX_ENTRY_SIZE) {
			throw new IllegalArgumentException("oversized registry file");
		}
		return this.mapper.readValue(FileOps.readBounded(file, MAX_ENTRY_SIZE), RegistryEntry.class);
	}

	/**
	 * Delete the entries whose lease ended a while ago, and temporary files left by
	 * crashes.
	 */
	void expire() {
		long now = this.clock.millis();
		for (Path clusterDirectory : FileOps.list(this.directory)) {
			// FileOps.list skips a cluster directory that is a link
			for (Path file : FileOps.list(clusterDirectory)) {
				if (file.getFileName().toString().startsWith(".")) {
					FileOps.deleteOlderThan(file, now - STALE_TMP.toMillis());
				}
				else {
					expire(file, now);
				}
			}
		}
	}

	private void expire(Path file, long now) {
		try {
			RegistryEntry entry = parse(file);
			if (entry.expiresAtMillis() + EXPIRED_ENTRY_GRACE.toMillis() < now) {
				FileOps.deleteQuietly(file);
			}
		}
		catch (IOException | RuntimeException ex) {
			// malformed ones are deleted when read for live nodes
			logger.debug("Skipped registry file " + file + " while expiring: " + ex);
		}
	}

}
