/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds the client side of TLS from files: the certificates to trust ({@code --trust})
 * and, for mutual TLS, the client's own key and certificate chain ({@code --key},
 * {@code --cert}), each as PEM or as a PKCS#12 (or JKS) key store.
 * <p>
 * With {@code --trust}, the node's certificate is checked against those certificates
 * only, and not against its host name, as nodes check each other: the mesh's own CA, not
 * the address, proves who a node is. Without it, the JDK's public CAs are trusted, and
 * then the host name must match too, since any public certificate would pass otherwise.
 *
 * @author LiteMesh team
 */
final class TlsFiles {

	private TlsFiles() {
	}

	/**
	 * Build the client's TLS context.
	 * @param trust PEM certificates or a key store to trust, {@code null} for the JDK's
	 * CAs
	 * @param key the client's private key (PEM, PKCS#8) or a key store with key and
	 * chain, {@code null} for no client certificate
	 * @param certificates the PEM chain of a PEM key, {@code null} when the key's file
	 * holds it
	 * @param password the password of key stores and of an encrypted PEM key
	 * @return the context
	 * @throws CommandFailure ({@code USAGE}) when a file cannot be read or used
	 */
	static SslContext clientContext(@Nullable Path trust, @Nullable Path key, @Nullable Path certificates,
			char @Nullable [] password) {
		SslContextBuilder builder = SslContextBuilder.forClient();
		try {
			trust(builder, trust, password);
			if (key != null) {
				if (isPem(key)) {
					Path chain = (certificates != null) ? certificates : key;
					builder.keyManager(chain.toFile(), key.toFile(), (password != null) ? new String(password) : null);
				}
				else {
					builder.keyManager(keyManagers(key, password));
				}
			}
			return builder.build();
		}
		catch (SSLException | IllegalArgumentException ex) {
			// Netty reads PEM files as they are given and says what it could not read
			throw CommandFailure.usage("Could not use the TLS files (--trust, --key, --cert): " + ex.getMessage()
					+ ((ex.getCause() != null) ? ": " + ex.getCause().getMessage() : "")
					+ "; PEM keys must be PKCS#8 (openssl pkcs8 -topk8 converts others)");
		}
	}

	private static void trust(SslContextBuilder builder, @Nullable Path trust, char @Nullable [] password) {
		if (trust == null) {
			builder.endpointIdentificationAlgorithm("HTTPS");
			return;
		}
		if (isPem(trust)) {
			builder.trustManager(trust.toFile());
		}
		else {
			builder.trustManager(trustManagers(trust, password));
		}
		// the mesh's CA vouches for the node, whatever address it was dialled at
		builder.endpointIdentificationAlgorithm(null);
	}

	private static boolean isPem(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(readable(file));
			return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
		}
		catch (IOException ex) {
			throw CommandFailure.usage("Could not read " + file + ": " + ex.getMessage());
		}
	}

	private static TrustManagerFactory trustManagers(Path file, char @Nullable [] password) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(keyStore(file, password));
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw CommandFailure.usage("Could not use " + file + " as a trust store: " + ex.getMessage());
		}
	}

	private static KeyManagerFactory keyManagers(Path file, char @Nullable [] password) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(keyStore(file, password), (password != null) ? password : new char[0]);
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw CommandFailure.usage("Could not use the key in " + file + ": " + ex.getMessage()
					+ " (--tls-password-file gives the key store's password)");
		}
	}

	private static KeyStore keyStore(Path file, char @Nullable [] password) {
		try {
			// the JDK tells PKCS#12 from JKS by the content
			return KeyStore.getInstance(file.toFile(), password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw CommandFailure.usage("Could not read " + file + " as PEM, PKCS#12 or JKS: " + ex.getMessage()
					+ " (--tls-password-file gives a key store's password)");
		}
	}

	private static Path readable(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("no such file");
		}
		return file;
	}

}
