/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on every TCP connection of a node, both the ones it accepts and the ones it dials:
 * the node's key and trust material and whether dialling nodes must present a
 * certificate. The material can be {@linkplain #reload replaced} while the node runs, as
 * when a certificate is renewed: connections opened from then on use the new material,
 * open ones keep theirs.
 * <p>
 * The trust material decides who is a member: with {@link ClientAuth#NEED} a node accepts
 * only dialling nodes whose certificate it trusts, and every node checks the certificate
 * of the node it dials. Trust a CA of the mesh's own, not the JDK's public ones. Host
 * names are not checked against certificates: nodes are dialled at the addresses members
 * advertise, and the certificate, not the address, proves membership.
 * <p>
 * This type holds factories only and never shows key material: {@link #toString()} names
 * the options, nothing more.
 *
 * @author LiteMesh team
 */
public final class TcpTls {

	private final ClientAuth clientAuth;

	private volatile Material material;

	/**
	 * Create the TLS settings of a node.
	 * @param material the key and trust material
	 * @param clientAuth whether dialling nodes must present a trusted certificate
	 */
	public TcpTls(Material material, ClientAuth clientAuth) {
		if (material == null) {
			throw new IllegalArgumentException("'material' must not be null");
		}
		if (clientAuth == null) {
			throw new IllegalArgumentException("'clientAuth' must not be null");
		}
		this.material = material;
		this.clientAuth = clientAuth;
	}

	/**
	 * Create mutual TLS: every connection in both directions presents a certificate the
	 * other side trusts.
	 * @param keyManagerFactory the node's own key and certificate chain
	 * @param trustManagerFactory the certificates (CAs) the node trusts
	 * @return TLS with {@link ClientAuth#NEED}
	 */
	public static TcpTls of(KeyManagerFactory keyManagerFactory, TrustManagerFactory trustManagerFactory) {
		return new TcpTls(new Material(keyManagerFactory, trustManagerFactory), ClientAuth.NEED);
	}

	/**
	 * Return whether dialling nodes must present a certificate.
	 * @return the client authentication
	 */
	public ClientAuth clientAuth() {
		return this.clientAuth;
	}

	/**
	 * Return whether every peer of this node, dialled or dialling, proved itself with a
	 * certificate this node trusts: the certificate is then a proof of membership.
	 * @return {@code true} with {@link ClientAuth#NEED}
	 */
	public boolean clientAuthRequired() {
		return this.clientAuth == ClientAuth.NEED;
	}

	/**
	 * Return the material new connections use.
	 * @return the current material
	 */
	public Material material() {
		return this.material;
	}

	/**
	 * Replace the material, as when a certificate is renewed: connections opened from now
	 * on use it; open ones are left alone. A node that cannot build a TLS context from
	 * the new material logs it and keeps using the previous one.
	 * @param material the new material
	 */
	public void reload(Material material) {
		if (material == null) {
			throw new IllegalArgumentException("'material' must not be null");
		}
		this.material = material;
	}

	@Override
	public String toString() {
		return "TcpTls[clientAuth=" + this.clientAuth + ", " + this.material + "]";
	}

	/**
	 * Whether a node asks the nodes and clients that dial it for a certificate.
	 */
	public enum ClientAuth {

		/**
		 * A certificate the node trusts is required: the certificate proves membership.
		 */
		NEED,

		/**
		 * A certificate is asked for and, when presented, must be trusted; dialling
		 * without one is allowed.
		 */
		WANT,

		/**
		 * No certificate is asked for: TLS encrypts and proves the accepting node only.
		 */
		NONE

	}

	/**
	 * Key and trust material, and the optional protocol and cipher restrictions that go
	 * with it.
	 *
	 * @param keyManagerFactory the node's own key and certificate chain, presented on
	 * every connection
	 * @param trustManagerFactory the certificates (CAs) peers' certificates are checked
	 * against
	 * @param protocols the TLS protocols to enable, such as {@code TLSv1.3}; empty for
	 * the JDK's defaults
	 * @param ciphers the cipher suites to enable; empty for the JDK's defaults
	 */
	public record Material(KeyManagerFactory keyManagerFactory, TrustManagerFactory trustManagerFactory,
			List<String> protocols, List<String> ciphers) {

		/**
		 * Check the material and copy the lists.
		 */
		public Material {
			if (keyManagerFactory == null) {
				throw new IllegalArgumentException("'keyManagerFactory' must not be null");
			}
			if (trustManagerFactory == null) {
				throw new IllegalArgumentException("'trustManagerFactory' must not be null");
			}
			protocols = List.copyOf(protocols);
			ciphers = List.copyOf(ciphers);
		}

		/**
		 * Create material with the JDK's default protocols and ciphers.
		 * @param keyManagerFactory the node's own key and certificate chain
		 * @param trustManagerFactory the certificates (CAs) peers are checked against
		 */
		public Material(KeyManagerFactory keyManagerFactory, TrustManagerFactory trustManagerFactory) {
			this(keyManagerFactory, trustManagerFactory, List.of(), List.of());
		}

		@Override
		public String toString() {
			// the factories stay out: what they hold is nobody's business in a log
			return "Material[protocols=" + (this.protocols.isEmpty() ? "default" : this.protocols) + ", ciphers="
					+ (this.ciphers.isEmpty() ? "default" : this.ciphers) + "]";
		}

	}

}
