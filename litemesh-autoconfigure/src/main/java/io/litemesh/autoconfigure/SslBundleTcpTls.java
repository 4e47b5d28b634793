/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.litemesh.transport.tcp.TcpTls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Makes the core's {@link TcpTls} from the Spring Boot SSL bundle that
 * {@code litemesh.tcp.ssl.bundle} names: the key and trust manager factories of its
 * {@link org.springframework.boot.ssl.SslManagerBundle}, its protocols and ciphers, and a
 * reload whenever the bundle is updated (its files change, with
 * {@code spring.ssl.bundle.*.reload-on-update}), so that new connections use the new
 * certificate.
 *
 * @author LiteMesh team
 */
final class SslBundleTcpTls {

	static final String BUNDLE_PROPERTY = "litemesh.tcp.ssl.bundle";

	private static final Log logger = LogFactory.getLog(SslBundleTcpTls.class);

	private SslBundleTcpTls() {
	}

	/**
	 * Make the TLS settings of a node from a bundle and follow its updates.
	 * @param bundleName the bundle's name
	 * @param clientAuth whether dialling nodes must present a certificate
	 * @param sslBundles the application's bundles, {@code null} when it has none
	 * @return the TLS settings
	 * @throws InvalidConfigurationPropertyValueException naming
	 * {@code litemesh.tcp.ssl.bundle} when the bundle does not exist or lacks a keystore
	 * or a truststore
	 */
	static TcpTls of(String bundleName, TcpTls.ClientAuth clientAuth, @Nullable SslBundles sslBundles) {
		if (sslBundles == null) {
			throw invalid(bundleName, "No SSL bundles are configured; define this one with spring.ssl.bundle.pem."
					+ bundleName + ".* or spring.ssl.bundle.jks." + bundleName + ".*");
		}
		SslBundle bundle;
		try {
			bundle = sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw invalid(bundleName, "No SSL bundle named '" + bundleName + "'; define it with spring.ssl.bundle.pem."
					+ bundleName + ".* or spring.ssl.bundle.jks." + bundleName + ".*");
		}
		TcpTls tls = new TcpTls(material(bundleName, bundle), clientAuth);
		sslBundles.addBundleUpdateHandler(bundleName, (updated) -> reload(tls, bundleName, updated));
		return tls;
	}

	private static void reload(TcpTls tls, String bundleName, SslBundle updated) {
		try {
			tls.reload(material(bundleName, updated));
			logger.info("SSL bundle '" + bundleName + "' was updated: new LiteMesh connections use it");
		}
		catch (RuntimeException ex) {
			// keep the material that works rather than stop every new connection
			logger.error("SSL bundle '" + bundleName + "' was updated but LiteMesh cannot use it (" + ex.getMessage()
					+ "); new connections keep the previous certificate");
		}
	}

	private static TcpTls.Material material(String bundleName, SslBundle bundle) {
		if (bundle.getStores().getKeyStore() == null) {
			throw invalid(bundleName, "SSL bundle '" + bundleName + "' has no keystore; a node presents its own "
					+ "certificate on every connection");
		}
		if (bundle.getStores().getTrustStore() == null) {
			// the JDK's public CAs would make any publicly issued certificate a member
			throw invalid(bundleName, "SSL bundle '" + bundleName + "' has no truststore; give it the CA that "
					+ "signs the mesh's node certificates");
		}
		SslOptions options = bundle.getOptions();
		return new TcpTls.Material(bundle.getManagers().getKeyManagerFactory(),
				bundle.getManagers().getTrustManagerFactory(), list(options.getEnabledProtocols()),
				list(options.getCiphers()));
	}

	private static List<String> list(String @Nullable [] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}

	private static InvalidConfigurationPropertyValueException invalid(String bundleName, String reason) {
		return new InvalidConfigurationPropertyValueException(BUNDLE_PROPERTY, bundleName, reason);
	}

}
