/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import org.springframework.util.FileSystemUtils;

/**
 * The failover and delivery scenarios over a shared directory.
 */
class FileFailoverTests extends AbstractDurableFailoverTests {

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
	protected MailboxStore newStore(Duration claimTimeout) {
		return new FileMailboxStore(this.directory, claimTimeout, 1024 * 1024);
	}

	@Override
	protected String transport() {
		return "file";
	}

}
