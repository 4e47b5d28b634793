/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Safe by default: a node that authenticates nobody (neither a secret nor TLS client
 * certificates) does not listen on the network unless told to.
 *
 * @author LiteMesh team
 */
final class UnauthenticatedBind {

	private UnauthenticatedBind() {
	}

	/**
	 * Refuse a non-loopback bind address on a node that authenticates nobody.
	 * @param settings the node's settings
	 * @param tlsClientAuthRequired whether TLS client certificates prove membership
	 * @param allowed whether {@code litemesh.security.allow-unauthenticated} is set
	 * @throws InvalidMeshSettingException naming {@code litemesh.tcp.bind-address}
	 */
	static void check(MeshSettings settings, boolean tlsClientAuthRequired, boolean allowed) {
		boolean authenticated = settings.secret() != null || tlsClientAuthRequired;
		String bindAddress = settings.bindAddress();
		if (authenticated || allowed || !settings.listens() || bindAddress == null || isLoopback(bindAddress)) {
			return;
		}
		throw new InvalidMeshSettingException("bindAddress", "tcp.bind-address", bindAddress,
				"must be a loopback address on a node that authenticates nobody; set litemesh.security.secret, "
						+ "or litemesh.tcp.ssl.bundle with litemesh.tcp.ssl.client-auth=need, or accept "
						+ "unauthenticated peers with litemesh.security.allow-unauthenticated=true");
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			// binding would fail anyway; not loopback is the safe answer
			return false;
		}
	}

}
