/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.nio.file.Path;

import io.litemesh.MeshSettings;
import io.litemesh.transport.tcp.HostAndPort;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options of a stock client: which node to dial, with which credentials, over TLS or
 * not. They may come before or after the command.
 *
 * @author LiteMesh team
 */
final class ClientOptions {

	@Option(names = "--connect", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT, order = 1,
			description = "Talk to the node at HOST:PORT (its litemesh.tcp.port, 7070 when left out) "
					+ "as a stock RSocket client.")
	@Nullable String connect;

	@Option(names = "--client", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 2,
			description = "Name of this client, as litemesh.security.clients.NAME on the node; "
					+ "with --token, simple credentials.")
	@Nullable String client;

	@Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT, order = 3,
			description = "Token of this client; without --client, a bearer token. Visible to other users of "
					+ "this host: prefer --token-file.")
	@Nullable String token;

	@Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 4,
			description = "Read the token from FILE.")
	@Nullable Path tokenFile;

	@Option(names = "--tls", scope = ScopeType.INHERIT, order = 5,
			description = "Connect over TLS; implied by --trust and --key.")
	boolean tls;

	@Option(names = "--trust", paramLabel = "PEM_OR_P12", scope = ScopeType.INHERIT, order = 6,
			description = "Certificates (the mesh's CA) to trust the node by: PEM, PKCS#12 or JKS. Without it, "
					+ "the JDK's CAs and a host name check.")
	@Nullable Path trust;

	@Option(names = "--key", paramLabel = "PEM_OR_P12", scope = ScopeType.INHERIT, order = 7,
			description = "This client's private key for mutual TLS: PEM (PKCS#8, with its certificate chain "
					+ "in the same file or in --cert), or a PKCS#12 or JKS key store.")
	@Nullable Path key;

	@Option(names = "--cert", paramLabel = "PEM", scope = ScopeType.INHERIT, order = 8,
			description = "Certificate chain of a PEM --key.")
	@Nullable Path cert;

	@Option(names = "--tls-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 9,
			description = "Read the password of the key stores or of an encrypted PEM key from FILE.")
	@Nullable Path tlsPasswordFile;

	/**
	 * Return the options given that only a stock client takes.
	 * @return such as {@code --token}, empty when none
	 */
	String given() {
		StringBuilder given = new StringBuilder();
		append(given, "--client", this.client);
		append(given, "--token", this.token);
		append(given, "--token-file", this.tokenFile);
		append(given, "--tls", this.tls ? Boolean.TRUE : null);
		append(given, "--trust", this.trust);
		append(given, "--key", this.key);
		append(given, "--cert", this.cert);
		append(given, "--tls-password-file", this.tlsPasswordFile);
		return given.toString();
	}

	static void append(StringBuilder given, String option, @Nullable Object value) {
		if (value != null) {
			given.append((given.length() > 0) ? ", " : "").append(option);
		}
	}

	/**
	 * Check the options and describe the connection they ask for.
	 * @param address the value of {@code --connect}
	 * @return the connection
	 * @throws CommandFailure ({@code USAGE}) for options that do not go together or files
	 * that cannot be read
	 */
	Connection connection(String address) {
		HostAndPort hostAndPort;
		try {
			hostAndPort = HostAndPort.parse(address, MeshSettings.DEFAULT_TCP_PORT);
		}
		catch (IllegalArgumentException ex) {
			throw CommandFailure.usage("--connect " + ex.getMessage());
		}
		if (this.token != null && this.tokenFile != null) {
			throw CommandFailure.usage("Give the token once: --token or --token-file");
		}
		String token = (this.tokenFile != null) ? Secrets.read(this.tokenFile, "--token-file") : this.token;
		if (this.client != null && token == null) {
			throw CommandFailure.usage("--client " + this.client + " needs its token: --token or --token-file");
		}
		Credentials credentials = (token != null) ? new Credentials(this.client, token) : null;
		if (this.cert != null && this.key == null) {
			throw CommandFailure.usage("--cert goes with the PEM key it certifies: --key");
		}
		SslContext tls = null;
		if (this.tls || this.trust != null || this.key != null) {
			char[] password = (this.tlsPasswordFile != null)
					? Secrets.read(this.tlsPasswordFile, "--tls-password-file").toCharArray() : null;
			tls = TlsFiles.clientContext(this.trust, this.key, this.cert, password);
		}
		else if (this.tlsPasswordFile != null) {
			throw CommandFailure.usage("--tls-password-file goes with --trust or --key");
		}
		return new Connection(hostAndPort, tls, credentials);
	}

}
