/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.litemesh.transport.mailbox.AbstractMailboxStoreTests;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The mailbox contract on a directory, and what only files can get wrong.
 */
class FileMailboxStoreTests extends AbstractMailboxStoreTests {

	private static final long MAX_FILE_SIZE = 64 * 1024;

	@TempDir
	Path directory;

	@TempDir
	Path outside;

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
		assertThat(setAside(mailbox)).singleElement()
			.satisfies((file) -> assertThat(file)
				.hasFileName(MailFiles.setAsideName("notes.txt", MailFiles.setAsideAt(file.getFileName().toString()))));
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
	void cleanUpNeverFollowsALinkOutOfTheDirectory() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		Path mailbox = store.mailbox(name("b"));
		Path oldFile = old(Files.writeString(this.outside.resolve("old.txt"), "keep me"));
		Path oldInTmp = old(Files.writeString(
				Files.createDirectories(this.outside.resolve("box").resolve("tmp")).resolve("old.txt"), "keep me"));
		Path oldInRejected = old(Files.writeString(
				Files.createDirectories(this.outside.resolve("box").resolve("rejected")).resolve("old.txt"), "keep"));
		// a link in tmp/ and in rejected/, and a whole mailbox that is a link
		Files.createSymbolicLink(mailbox.resolve("tmp").resolve("link"), this.outside);
		Files.createSymbolicLink(mailbox.resolve("rejected").resolve("link"), oldFile);
		Files.createSymbolicLink(this.directory.resolve("mail").resolve("planted"), this.outside.resolve("box"));
		// a tmp/ that is a link itself
		Path other = store.mailbox(name("c"));
		Files.delete(other.resolve("tmp"));
		Files.createSymbolicLink(other.resolve("tmp"), this.outside);
		this.clock.advance(Duration.ofDays(3));
		store.expire();
		assertThat(oldFile).exists();
		assertThat(oldInTmp).exists();
		assertThat(oldInRejected).exists();
	}

	@Test
	void fifoInNewDoesNotHangClaimAndIsSetAside() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		Path mailbox = store.mailbox(name("b"));
		String name = plantedName();
		mkfifo(mailbox.resolve("new").resolve(name));
		store.deliver(List.of(message(name("a"), name("b"), "good")));
		List<MailMessage> claimed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.claim(name("b"), 10));
		assertThat(claimed).extracting(MailMessage::data).containsExactly("good".getBytes(StandardCharsets.UTF_8));
		assertThat(store.rejected()).isEqualTo(1);
		assertThat(setAside(mailbox)).singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).contains(name));
	}

	@Test
	void linkToDevZeroInNewIsSetAsideUnread() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		Path mailbox = store.mailbox(name("b"));
		String name = plantedName();
		Files.createSymbolicLink(mailbox.resolve("new").resolve(name), Path.of("/dev/zero"));
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.claim(name("b"), 10))).isEmpty();
		assertThat(store.rejected()).isEqualTo(1);
		assertThat(setAside(mailbox)).singleElement()
			.satisfies((file) -> assertThat(Files.isSymbolicLink(file)).as("moved as the link").isTrue());
	}

	@Test
	void linkedRegistryFileIsIgnoredAndCounted() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		store.checkIn(new RegistryEntry(name("a"), cluster, 1, this.clock.millis() + 60_000));
		Path forged = Files.writeString(this.outside.resolve("ghost.json"), "{\"nodeId\":\"ghost\",\"cluster\":\""
				+ cluster + "\",\"incarnation\":1,\"expiresAtMillis\":" + (this.clock.millis() + 60_000) + "}");
		Files.createSymbolicLink(this.directory.resolve("registry").resolve(cluster).resolve("ghost.json"), forged);
		assertThat(store.liveNodes(cluster)).extracting(RegistryEntry::nodeId).containsExactly(name("a"));
		assertThat(store.rejected()).isEqualTo(1);
		assertThat(forged).exists();
	}

	@Test
	void mailboxThatIsALinkIsNeverWrittenThrough() throws Exception {
		FileMailboxStore store = (FileMailboxStore) store(LONG_CLAIM_TIMEOUT);
		Files.createSymbolicLink(this.directory.resolve("mail").resolve(name("b")), this.outside);
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> store.deliver(List.of(message(name("a"), name("b"), "redirected"))))
			.withMessageContaining("symbolic link");
		try (var files = Files.list(this.outside)) {
			assertThat(files).isEmpty();
		}
	}

	private static List<Path> setAside(Path mailbox) throws IOException {
		try (var files = Files.list(mailbox.resolve("rejected"))) {
			return files.toList();
		}
	}

	private static Path old(Path file) throws Exception {
		Files.setLastModifiedTime(file, FileTime.fromMillis(0));
		return file;
	}

	private static void mkfifo(Path path) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			Assumptions.abort(
					"mkfifo is not available on this machine (" + ex.getMessage() + "), so a FIFO cannot be planted");
			return;
		}
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		Assumptions.assumeTrue(process.exitValue() == 0 && Files.exists(path, LinkOption.NOFOLLOW_LINKS),
				"mkfifo could not make a FIFO on this file system");
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
