/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.metadata.AuthMetadataCodec;
import org.jspecify.annotations.Nullable;

/**
 * A stock client's credentials, as a node's {@code litemesh.security.clients.<name>}
 * admits them: RSocket's authentication extension, type {@code simple} (the client's name
 * and token) or, without a name, {@code bearer} (the token alone).
 *
 * @author LiteMesh team
 */
final class Credentials {

	private final @Nullable String name;

	private final String token;

	Credentials(@Nullable String name, String token) {
		this.name = name;
		this.token = token;
	}

	/**
	 * Encode the entry of the SETUP frame's composite metadata.
	 * @param allocator the allocator
	 * @return the content of the {@code message/x.rsocket.authentication.v0} entry
	 */
	ByteBuf encode(ByteBufAllocator allocator) {
		if (this.name != null) {
			return AuthMetadataCodec.encodeSimpleMetadata(allocator, this.name.toCharArray(), this.token.toCharArray());
		}
		return AuthMetadataCodec.encodeBearerMetadata(allocator, this.token.toCharArray());
	}

	@Override
	public String toString() {
		// the token stays out of every message and log line
		return (this.name != null) ? "Credentials[simple, client=" + this.name + "]" : "Credentials[bearer]";
	}

}
