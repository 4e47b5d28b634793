/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.litemesh.transport.tcp.TcpTls;
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
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real certificates for TLS tests: a CA and node certificates it signs, made with Bouncy
 * Castle's certificate builder and the JDK's keys, as key stores or as PEM files for
 * Spring Boot's SSL bundles. Shared with the other modules' tests through the core's test
 * jar.
 *
 * @author LiteMesh team
 */
public final class TestCertificates {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private static final char[] PASSWORD = "test-only".toCharArray();

	private TestCertificates() {
	}

	/**
	 * Make a CA.
	 * @param name its common name
	 * @return the CA
	 */
	public static Authority authority(String name) {
		KeyPair keys = keyPair();
		X500Name subject = new X500Name("CN=" + name);
		try {
			X509v3CertificateBuilder builder = builder(subject, subject, keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			return new Authority(keys, sign(builder, keys));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
		ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
	}

	/**
	 * Make trust in the given CAs.
	 * @param authorities the CAs
	 * @return a trust manager factory that trusts them and nobody else
	 */
	public static TrustManagerFactory trust(Authority... authorities) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			for (Authority authority : authorities) {
				store.setCertificateEntry(authority.name(), authority.certificate());
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Write certificates as one PEM file.
	 * @param file where to write
	 * @param certificates the certificates
	 * @return the file's {@code file:} location, for a bundle property
	 */
	public static String writeCertificates(Path file, X509Certificate... certificates) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			for (X509Certificate certificate : certificates) {
				writer.writeObject(certificate);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return writeText(file, text.toString());
	}

	private static String writeText(Path file, String text) {
		try {
			Files.writeString(file, text);
			return "file:" + file.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A CA.
	 *
	 * @param keys its keys
	 * @param certificate its self-signed certificate
	 */
	public record Authority(KeyPair keys, X509Certificate certificate) {

		public String name() {
			return this.certificate.getSubjectX500Principal().getName();
		}

		/**
		 * Issue a certificate for a node, good for both ends of a connection on loopback.
		 * @param name the common name
		 * @return the node's key and certificate
		 */
		public Issued issue(String name) {
			KeyPair keys = keyPair();
			try {
				GeneralNames addresses = new GeneralNames(
						new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
								new GeneralName(GeneralName.iPAddress, "127.0.0.1") });
				X509v3CertificateBuilder builder = builder(new X500Name(name()), new X500Name("CN=" + name), keys)
					.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
					.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
					.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
							new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }))
					.addExtension(Extension.subjectAlternativeName, false, addresses);
				return new Issued(keys, sign(builder, this.keys), this.certificate);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A node's key and the certificate a CA issued for it.
	 *
	 * @param keys the node's keys
	 * @param certificate its certificate
	 * @param issuer the CA's certificate
	 */
	public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {

		/**
		 * Return the node's key and certificate chain as a key manager factory.
		 * @return the factory
		 */
		public KeyManagerFactory keyManagers() {
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("node", this.keys.getPrivate(), PASSWORD,
						new Certificate[] { this.certificate, this.issuer });
				KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				factory.init(store, PASSWORD);
				return factory;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Write the node's certificate chain and private key as PEM files, for a Spring
		 * Boot PEM bundle.
		 * @param directory where to write them
		 * @param name the file names' stem
		 * @return the {@code file:} locations of the chain and of the key
		 */
		public String[] write(Path directory, String name) {
			String chain = writeCertificates(directory.resolve(name + ".crt"), this.certificate, this.issuer);
			StringWriter text = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
				writer.writeObject(new JcaPKCS8Generator(this.keys.getPrivate(), null));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return new String[] { chain, writeText(directory.resolve(name + ".key"), text.toString()) };
		}

		/**
		 * Return TLS material with this certificate, trusting the given CAs.
		 * @param trusted the CAs
		 * @return the material
		 */
		public TcpTls.Material material(Authority... trusted) {
			return new TcpTls.Material(keyManagers(), trust(trusted));
		}

	}

}
