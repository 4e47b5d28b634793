/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.litemesh.MeshSecurity;
import io.litemesh.codec.MimeTypes;
import io.netty.buffer.ByteBuf;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Admits or refuses a stock RSocket client from the SETUP frame it sent: its credentials
 * are RSocket's authentication extension ({@code message/x.rsocket.authentication.v0}) as
 * an entry of its composite SETUP metadata, type {@code simple} (the client's name and
 * token) or {@code bearer} (the token alone, which names the client whose token it is),
 * checked against {@code litemesh.security.clients.<name>}.
 * <p>
 * Without credentials a client is admitted only when none are required (protected mode);
 * credentials that are present must be right, even then. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so the time taken tells nothing of a token,
 * and no refusal message, log line or field holds one.
 *
 * @author LiteMesh team
 */
final class ClientAuthenticator {

	private static final Log logger = LogFactory.getLog(ClientAuthenticator.class);

	private static final String AUTHENTICATION = WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString();

	/**
	 * Compared with when a name is unknown, so that it takes as long as a wrong token.
	 */
	private static final byte[] NO_TOKEN = new byte[32];

	private final String nodeId;

	private final boolean credentialsRequired;

	/** SHA-256 of each client's token, by client name. */
	private final Map<String, byte[]> digests = new LinkedHashMap<>();

	private final AtomicLong refused = new AtomicLong();

	/**
	 * Create the authenticator of a node.
	 * @param nodeId the node's id, for messages
	 * @param credentialsRequired whether every client must present credentials: with a
	 * secret (or, later, TLS client authentication)
	 * @param clientTokens the token of each client, by name
	 */
	ClientAuthenticator(String nodeId, boolean credentialsRequired, Map<String, String> clientTokens) {
		this.nodeId = nodeId;
		this.credentialsRequired = credentialsRequired;
		clientTokens.forEach((name, token) -> this.digests.put(name, sha256(token.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Admit a plain client or refuse it.
	 * @param setup the client's SETUP frame, read but not released
	 * @return the client's identity, {@code client:<name>}; {@code null} for a client
	 * admitted without credentials
	 * @throws RejectedSetupException when credentials are required but missing, or
	 * present but wrong or unreadable
	 */
	@Nullable String admit(ConnectionSetupPayload setup) {
		ByteBuf credentials = credentials(setup);
		if (credentials == null) {
			if (this.credentialsRequired) {
				throw refuse("requires credentials from RSocket clients: send " + AUTHENTICATION
						+ " (simple: the client's name and token, or bearer: the token) in the composite SETUP "
						+ "metadata, with a token set by litemesh.security.clients.<name>");
			}
			return null;
		}
		return MeshSecurity.CLIENT_PREFIX + authenticate(credentials);
	}

	/**
	 * Return how many clients were refused.
	 * @return the count since the node started
	 */
	long refused() {
		return this.refused.get();
	}

	private @Nullable ByteBuf credentials(ConnectionSetupPayload setup) {
		if (!MimeTypes.COMPOSITE.equals(setup.metadataMimeType()) || !setup.hasMetadata()) {
			return null;
		}
		try {
			for (CompositeMetadata.Entry entry : new CompositeMetadata(setup.sliceMetadata(), false)) {
				if (AUTHENTICATION.equals(entry.getMimeType())) {
					return entry.getContent();
				}
			}
			return null;
		}
		catch (RuntimeException ex) {
			throw refuse("could not read the composite SETUP metadata");
		}
	}

	private String authenticate(ByteBuf credentials) {
		try {
			WellKnownAuthType type = AuthMetadataCodec.isWellKnownAuthType(credentials)
					? AuthMetadataCodec.readWellKnownAuthType(credentials) : WellKnownAuthType.UNPARSEABLE_AUTH_TYPE;
			if (type == WellKnownAuthType.SIMPLE) {
				String name = new String(AuthMetadataCodec.readUsernameAsCharArray(credentials));
				return simple(name, utf8(AuthMetadataCodec.readPasswordAsCharArray(credentials)));
			}
			if (type == WellKnownAuthType.BEARER) {
				return bearer(utf8(AuthMetadataCodec.readBearerTokenAsCharArray(credentials)));
			}
		}
		catch (RejectedSetupException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw refuse("could not read the " + AUTHENTICATION + " metadata");
		}
		throw refuse("supports the authentication types simple and bearer only");
	}

	private String simple(String name, byte[] token) {
		byte[] expected = this.digests.get(name);
		boolean matches = MessageDigest.isEqual((expected != null) ? expected : NO_TOKEN, sha256(token));
		if (expected == null || !matches) {
			// the same answer for an unknown name and a wrong token: names are not
			// revealed
			throw refuse("refused the simple credentials: unknown client name or wrong token "
					+ "(litemesh.security.clients.<name>)");
		}
		return name;
	}

	private String bearer(byte[] token) {
		byte[] digest = sha256(token);
		String owner = null;
		// compare with every token, so the time taken does not tell which one matched
		for (Map.Entry<String, byte[]> client : this.digests.entrySet()) {
			if (MessageDigest.isEqual(client.getValue(), digest) && owner == null) {
				owner = client.getKey();
			}
		}
		if (owner == null) {
			throw refuse("refused the bearer token: it is the token of no client (litemesh.security.clients.<name>)");
		}
		return owner;
	}

	private RejectedSetupException refuse(String reason) {
		this.refused.incrementAndGet();
		String message = "Node " + this.nodeId + " " + reason;
		logger.debug("Refused a plain RSocket client: " + message);
		return new RejectedSetupException(message);
	}

	/**
	 * Encode what the codec read as UTF-8 and wipe the characters.
	 */
	private static byte[] utf8(char[] chars) {
		try {
			ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
			byte[] bytes = new byte[encoded.remaining()];
			encoded.get(bytes);
			return bytes;
		}
		finally {
			Arrays.fill(chars, '\0');
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
