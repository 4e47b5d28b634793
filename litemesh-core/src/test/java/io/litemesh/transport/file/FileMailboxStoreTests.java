/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.litemesh.transport.mailbox.AbstractMailboxStoreTests;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox contract on a directory, and what only files can get wrong.
 */
class FileMailboxStoreTests extends AbstractMailboxStoreTests {

	private static final long MAX_FILE_SIZE = 64 * 1024;

	@TempDir
	Path directory;

	@Override
	protected MailboxStore createStore(Duration claimTimeout, Clock clock) {
		return new FileMailboxStore(this.directory, claimTimeout, MAX_FILE_SIZE, clock);
	}

	@Override
	protected void plantMalformed(MailboxStore store, String nodeId) throws Exception {
		Path file = ((FileMailboxStore) store).mailbox(nodeId).resolve("new").resolve(plantedName());
		Files.writeString(file, "{ not json");
	}

	@Override
	protected void plantOversized(MailboxStore store, String nodeId) throws Exception {
		Path file = ((FileMailboxStore) store).mailbox(nodeId).resolve("new").resolve(plantedName());
		Files.write(file, new byte[(int) MAX_FILE_SIZE + 1]);
	}

	private static String plantedName() {
		// older than any real message, so it is claimed first
		return "0000000000000-000000-9999999999999-" + UUID.randomUUID() + ".json";
	}

	@Test
	void strayFileInNewIsSetAside() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		Path mailbox = store.mailbox(name("b"));
		Files.writeString(mailbox.resolve("new").resolve("notes.txt"), "hello");
		assertThat(store.claim(name("b"), 10)).isEmpty();
		assertThat(store.rejected()).isEqualTo(1);
		assertThat(mailbox.resolve("rejected").resolve("notes.txt")).exists();
	}

	@Test
	void messageFileAddressedToAnotherNodeIsSetAside() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		store.deliver(List.of(message(name("a"), name("c"), "for c")));
		Path c = store.mailbox(name("c")).resolve("new");
		Path b = store.mailbox(name("b")).resolve("new");
		try (var files = Files.list(c)) {
			Path file = files.findFirst().orElseThrow();
			Files.move(file, b.resolve(file.getFileName()));
		}
		assertThat(store.claim(name("b"), 10)).isEmpty();
		assertThat(store.rejected()).isEqualTo(1);
	}

	@Test
	void malformedRegistryFileIsDeletedAndCounted() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		store.checkIn(new RegistryEntry(name("a"), cluster, 1, this.clock.millis() + 60_000));
		Path bad = this.directory.resolve("registry").resolve(cluster).resolve("broken.json");
		Files.writeString(bad, "[1, 2");
		assertThat(store.liveNodes(cluster)).extracting(RegistryEntry::nodeId).containsExactly(name("a"));
		assertThat(store.rejected()).isEqualTo(1);
		assertThat(bad).doesNotExist();
	}

	@Test
	void registryFileIsJsonThatAnOperatorCanRead() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		store.checkIn(new RegistryEntry("node/1", "blue", 7, 42));
		Path file = this.directory.resolve("registry").resolve("blue").resolve("node%2F1.json");
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"nodeId\":\"node/1\"")
			.contains("\"expiresAtMillis\":42");
	}

	@Test
	void namesThatNoFileSystemTakesAreEncoded() {
		assertThat(MailFiles.safe("billing-2.eu")).isEqualTo("billing-2.eu");
		assertThat(MailFiles.safe("../etc")).isEqualTo("%2E.%2Fetc");
		assertThat(MailFiles.safe("a:b\\c")).isEqualTo("a%3Ab%5Cc");
		assertThat(MailFiles.safe("x".repeat(300))).hasSizeLessThanOrEqualTo(120)
			.isNotEqualTo(MailFiles.safe("x".repeat(301)));
	}

}
