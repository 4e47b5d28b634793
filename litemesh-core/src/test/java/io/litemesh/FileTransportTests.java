/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.file.Files;
import java.nio.file.Path;

import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import org.springframework.util.FileSystemUtils;

/**
 * The durable-transport scenarios over a shared directory.
 */
class FileTransportTests extends AbstractDurableTransportTests {

	private Path directory;

	@Override
	protected void createMedium() throws Exception {
		this.directory = Files.createTempDirectory("litemesh-file-");
	}

	@Override
	protected void dropMedium() throws Exception {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	@Override
	protected MailboxStore newStore() {
		return new FileMailboxStore(this.directory);
	}

	@Override
	protected String transport() {
		return "file";
	}

}
