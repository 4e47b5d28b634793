/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.litemesh.MutationFuzzer;
import io.litemesh.transport.mailbox.MailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the message files of the shared directory as {@link MailFileReader} reads a
 * claimed one: a message addressed to this node comes out, anything else is set aside
 * into {@code rejected/} and counted, and nothing is thrown. See {@link MutationFuzzer}.
 *
 * @author LiteMesh team
 */
class MailFileFuzzTests {

	private static final UUID ID = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-1d2e3f405060");

	private static final long MAX_FILE_SIZE = 256 * 1024;

	@TempDir
	Path directory;

	@Test
	void fileIsReadOrSetAside() throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		MailFileReader reader = new MailFileReader(MAX_FILE_SIZE, Clock.systemUTC(), mapper);
		Path claimed = Files.createDirectories(this.directory.resolve("b").resolve("cur"));
		Files.createDirectories(this.directory.resolve("b").resolve("rejected"));
		MailMessage message = new MailMessage(ID, "a", "b", MailMessage.Type.REQUEST, ID, 1795327655201L,
				new byte[] { 1, 0, 0, 2 }, MutationFuzzer.utf8("{\"n\":1}"), "c2lnbmF0dXJl");
		Path file = claimed.resolve(MailFiles.claimedName(MailFiles.messageName(message, 1), 2));
		List<byte[]> seeds = List.of(mapper.writeValueAsBytes(FileMessage.of(message)),
				mapper.writeValueAsBytes(FileMessage.of(new MailMessage(ID, "c", "b", MailMessage.Type.CANCEL,
						UUID.randomUUID(), -1, new byte[0], new byte[0], null))),
				MutationFuzzer.utf8("{\"id\":\"" + ID + "\",\"to\":\"b\"}"));
		long cases = MutationFuzzer.fuzz("MailFileReader.read", seeds, (input) -> {
			Files.write(file, input);
			long rejected = reader.rejected();
			MailMessage read = reader.read(file, "b");
			if (read == null) {
				assertThat(file).doesNotExist();
				assertThat(reader.rejected()).isEqualTo(rejected + 1);
				return false;
			}
			assertThat(read.to()).isEqualTo("b");
			assertThat(read.id()).isEqualTo(ID);
			assertThat(read.from()).isNotNull();
			assertThat(read.metadata().length).isLessThanOrEqualTo(MailMessage.MAX_METADATA);
			return true;
		});
		assertThat(cases).isPositive();
	}

}
