/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.TestCertificates;
import io.litemesh.TestCertificates.Authority;
import io.litemesh.TestCertificates.Issued;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.transport.tcp.TcpTls.ClientAuth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS with certificates a test CA signs: a node with client-auth {@code need} admits the
 * CLI with a client certificate (PEM or PKCS#12) and no token even though it has a
 * secret; without one, or trusting another CA, the CLI fails with one line.
 */
class TlsCommandsTests {

	private static final char[] PASSWORD = "store-password".toCharArray();

	@TempDir
	static Path files;

	private static final Authority ca = TestCertificates.authority("mesh-ca");

	private static TestMesh nodes;

	private static List<String> strict;

	private static List<String> open;

	@BeforeAll
	static void startMesh() {
		nodes = TestMesh.tcp();
		MeshNode strictNode = nodes.start("strict",
				(builder) -> builder.tls(new TcpTls(ca.issue("strict").material(ca), ClientAuth.NEED))
					.secret("correct horse battery")
					.bindAddress("127.0.0.1"),
				new Greeter("strict"));
		MeshNode openNode = nodes.start("open",
				(builder) -> builder.tls(new TcpTls(ca.issue("open").material(ca), ClientAuth.NONE)).seeds(List.of()),
				new Greeter("open"));
		strict = CliArgs.connect(strictNode);
		open = CliArgs.connect(openNode);
	}

	@AfterAll
	static void stopMesh() {
		nodes.close();
	}

	@Test
	void pemClientCertificateIsAdmittedWithoutAToken() throws Exception {
		String trust = path(TestCertificates.writeCertificates(files.resolve("ca.crt"), ca.certificate()));
		String[] chainAndKey = ca.issue("ops").write(files, "ops");
		Cli.Result separate = Cli.run(strict, "--tls", "--trust", trust, "--key", path(chainAndKey[1]), "--cert",
				path(chainAndKey[0]), "call", "greeter.whoami");
		assertThat(separate.status()).as(separate.toString()).isZero();
		assertThat(separate.lines()).containsExactly("\"strict\"");
		// or chain and key in one file
		Path combined = files.resolve("ops.pem");
		Files.writeString(combined,
				Files.readString(Path.of(path(chainAndKey[0]))) + Files.readString(Path.of(path(chainAndKey[1]))));
		Cli.Result together = Cli.run(strict, "--trust", trust, "--key", combined.toString(), "call", "greeter.whoami");
		assertThat(together.status()).as(together.toString()).isZero();
	}

	@Test
	void pkcs12StoresWork() throws Exception {
		Path trust = files.resolve("trust.p12");
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("ca", ca.certificate());
		store(trustStore, trust);
		Path key = files.resolve("ops.p12");
		Issued ops = ca.issue("ops");
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("ops", ops.keys().getPrivate(), PASSWORD,
				new Certificate[] { ops.certificate(), ops.issuer() });
		store(keyStore, key);
		Path password = Files.writeString(files.resolve("store-password"), new String(PASSWORD));
		Cli.Result result = Cli.run(strict, "--tls", "--trust", trust.toString(), "--key", key.toString(),
				"--tls-password-file", password.toString(), "nodes");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).anySatisfy((line) -> assertThat(line).matches("strict\\s+UP\\s+0\\s+greeter"));
	}

	@Test
	void withoutAClientCertificateANodeThatNeedsOneRefuses() {
		String trust = path(TestCertificates.writeCertificates(files.resolve("ca-only.crt"), ca.certificate()));
		Cli.Result result = Cli.run(strict, "--tls", "--trust", trust, "nodes");
		assertThat(result.status()).as(result.toString()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error CLOSED: node 127.0.0.1:")
			.endsWith("(it may want a client certificate it trusts: --key)");
	}

	@Test
	void aNodeWithoutClientAuthNeedsOnlyTrust() {
		String trust = path(TestCertificates.writeCertificates(files.resolve("ca-open.crt"), ca.certificate()));
		Cli.Result result = Cli.run(open, "--tls", "--trust", trust, "call", "greeter.hello", "\"TLS\"", "--json");
		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly("{\"text\":\"Hello TLS\",\"node\":\"open\"}");
	}

	@Test
	void aNodeOfAnotherCaIsNotTrusted() {
		Authority other = TestCertificates.authority("other-ca");
		String trust = path(TestCertificates.writeCertificates(files.resolve("other.crt"), other.certificate()));
		Cli.Result result = Cli.run(open, "--tls", "--trust", trust, "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error TLS: TLS with node 127.0.0.1:")
			.endsWith("its certificate is not signed by a CA this client trusts (--trust)");
	}

	@Test
	void plainTcpToATlsNodeFails() {
		Cli.Result result = Cli.run(open, "--timeout", "3s", "nodes");
		assertThat(result.status()).isOne();
		assertThat(result.errLines()).singleElement()
			.asString()
			.startsWith("error CLOSED: ")
			.endsWith("(a node with TLS closes plain connections: --tls)");
	}

	@Test
	void unreadableTlsFilesAreBadUsage() {
		Cli.Result result = Cli.run(open, "--trust", files.resolve("missing.crt").toString(), "nodes");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.errLines().get(0)).startsWith("error USAGE: Could not read ");
	}

	private static String path(String location) {
		return location.substring("file:".length());
	}

	private static void store(KeyStore store, Path file) throws Exception {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD);
		}
	}

}
