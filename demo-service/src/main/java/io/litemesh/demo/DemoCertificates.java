/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The throwaway certificates of {@code --demo.tls}: a CA made at startup and a
 * certificate it signs for each node, written as PEM files to a temporary directory and
 * handed to each node as the Spring Boot SSL bundle {@code mesh}, exactly as an
 * application configures {@code spring.ssl.bundle.pem.mesh.*} and
 * {@code litemesh.tcp.ssl.bundle=mesh} with real certificates.
 * <p>
 * Made with Bouncy Castle's certificate builder, in process: the JDK has no public API to
 * sign a certificate, and {@code keytool} would take a few JVM launches per node. The
 * CA's private key stays in memory and dies with the JVM; the nodes' files are deleted on
 * exit.
 *
 * @author LiteMesh team
 */
final class DemoCertificates {

	/** The name of the SSL bundle every node of the demo uses. */
	static final String BUNDLE = "mesh";

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private final Path directory;

	private final KeyPair caKeys;

	private final X509Certificate caCertificate;

	private final String caFile;

	private DemoCertificates(Path directory, KeyPair caKeys, X509Certificate caCertificate) throws IOException {
		this.directory = directory;
		this.caKeys = caKeys;
		this.caCertificate = caCertificate;
		this.caFile = write("ca.crt", pem(caCertificate));
	}

	/**
	 * Make a CA in a new temporary directory.
	 * @return the certificates of this run of the demo
	 */
	static DemoCertificates create() {
		try {
			Path directory = Files.createTempDirectory("litemesh-demo-tls-");
			directory.toFile().deleteOnExit();
			KeyPair keys = keyPair();
			X500Name name = new X500Name("CN=LiteMesh demo CA");
			X509v3CertificateBuilder builder = builder(name, name, keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			return new DemoCertificates(directory, keys, sign(builder, keys));
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make the demo's TLS certificates: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the directory the PEM files are in.
	 * @return the directory
	 */
	Path directory() {
		return this.directory;
	}

	/**
	 * Issue a certificate for a node and return the properties that make it the node's
	 * SSL bundle: mutual TLS, every node trusting the demo's CA only.
	 * @param node the node
	 * @return the {@code spring.ssl.bundle.pem.mesh.*} and {@code litemesh.tcp.ssl.*}
	 * properties
	 */
	Map<String, Object> bundleProperties(DemoNode node) {
		try {
			KeyPair keys = keyPair();
			GeneralNames names = new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
					new GeneralName(GeneralName.iPAddress, "127.0.0.1") });
			X509v3CertificateBuilder builder = builder(new X500Name("CN=LiteMesh demo CA"),
					new X500Name("CN=" + node.id()), keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(
								new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }))
				.addExtension(Extension.subjectAlternativeName, false, names);
			X509Certificate certificate = sign(builder, this.caKeys);
			String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".";
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put(prefix + "keystore.certificate", write(node.id() + ".crt", pem(certificate)));
			properties.put(prefix + "keystore.private-key",
					write(node.id() + ".key", pem(new JcaPKCS8Generator(keys.getPrivate(), null))));
			properties.put(prefix + "truststore.certificate", this.caFile);
			properties.put("litemesh.tcp.ssl.bundle", BUNDLE);
			properties.put("litemesh.tcp.ssl.client-auth", "need");
			return properties;
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make a TLS certificate for " + node.id() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(7))), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
	}

	private static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		return text.toString();
	}

	private String write(String name, String pem) {
		Path file = this.directory.resolve(name);
		try {
			Files.writeString(file, pem);
			try {
				// a private key, even a throwaway one, is for this user only
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the temporary directory's own protection
				// applies
			}
			file.toFile().deleteOnExit();
			return "file:" + file.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
