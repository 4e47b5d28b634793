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
 * A temporary directory, for the durable-transport scenarios over files.
 *
 * @author LiteMesh team
 */
final class FileMedium implements DurableMedium {

	private Path directory;

	@Override
	public void create() throws Exception {
		this.directory = Files.createTempDirectory("litemesh-file-");
	}

	@Override
	public void drop() throws Exception {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	@Override
	public MailboxStore newStore(Duration claimTimeout) {
		return new FileMailboxStore(this.directory, claimTimeout, 1024 * 1024);
	}

	@Override
	public String transport() {
		return "file";
	}

}
