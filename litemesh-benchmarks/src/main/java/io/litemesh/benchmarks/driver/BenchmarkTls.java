/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one key pair every TLS scenario uses, on both sides of every connection: a
 * self-signed RSA certificate in a PKCS12 file, made once with the JDK's {@code keytool}.
 * Each side presents it and trusts it, so raw rsocket-java and LiteMesh run mutual TLS
 * with the same material.
 *
 * @param keyManagers the key managers of the key pair
 * @param trustManagers trust managers that trust its certificate
 * @author LiteMesh team
 */
public record BenchmarkTls(KeyManagerFactory keyManagers, TrustManagerFactory trustManagers) {

	private static final char[] PASSWORD = "benchmark".toCharArray();

	/**
	 * Return where the key store lives, making it when it does not exist yet.
	 * @param target the module's {@code target} directory
	 * @return the key store's path
	 * @throws IOException when {@code keytool} fails
	 * @throws InterruptedException when interrupted while it runs
	 */
	public static Path keyStore(Path target) throws IOException, InterruptedException {
		Path file = keyStorePath(target);
		if (Files.exists(file)) {
			return file;
		}
		Files.createDirectories(target);
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "bench", "-keyalg",
				"RSA", "-keysize", "2048", "-dname", "CN=litemesh-benchmark", "-ext", "SAN=ip:127.0.0.1", "-validity",
				"30", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD)))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IOException("keytool failed: " + output);
		}
		return file;
	}

	/**
	 * Return where {@link #keyStore} keeps the key store.
	 * @param target the module's {@code target} directory
	 * @return the key store's path, whether it exists yet or not
	 */
	public static Path keyStorePath(Path target) {
		return target.resolve("bench-tls.p12");
	}

	/**
	 * Load the material of a key store {@link #keyStore} made.
	 * @param file the key store
	 * @return its key and trust managers
	 * @throws IOException when it cannot be read
	 * @throws GeneralSecurityException when it is not a key store of this kind
	 */
	public static BenchmarkTls load(Path file) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, PASSWORD);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(store);
		return new BenchmarkTls(keyManagers, trustManagers);
	}

}
