/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the shared-directory transport: with
 * {@code litemesh.file.directory} set, the node checks in to a registry in that directory
 * and exchanges messages through mailboxes there, with every node of its cluster that
 * shares the directory.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(before = LiteMeshAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "litemesh.enabled", matchIfMissing = true)
@ConditionalOnProperty("litemesh.file.directory")
@EnableConfigurationProperties(LiteMeshProperties.class)
public final class LiteMeshFileTransportAutoConfiguration {

	private static final String DIRECTORY = "litemesh.file.directory";

	@Bean
	@ConditionalOnMissingBean(name = "liteMeshFileTransportCustomizer")
	MeshNodeBuilderCustomizer liteMeshFileTransportCustomizer(LiteMeshProperties properties) {
		Path directory = directory(properties.getFile().getDirectory());
		// a message file must hold the largest payload the node accepts, Base64-encoded
		long maxFrameSize = Math.min(Integer.MAX_VALUE, properties.getMaxFrameSize().toBytes());
		long maxFileSize = FileMailboxStore.maxFileSize((int) maxFrameSize);
		return (builder) -> builder
			.mailboxStore(new FileMailboxStore(directory, MailboxStore.CLAIM_TIMEOUT, maxFileSize));
	}

	private static Path directory(@Nullable String directory) {
		if (!StringUtils.hasText(directory)) {
			throw new InvalidConfigurationPropertyValueException(DIRECTORY, directory,
					"Directory must not be empty; set it to a directory that every node can write, or remove it");
		}
		try {
			return Path.of(directory.trim());
		}
		catch (InvalidPathException ex) {
			throw new InvalidConfigurationPropertyValueException(DIRECTORY, directory,
					"Directory is not a valid path: " + ex.getReason());
		}
	}

}
