/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the address a node advertises for other nodes to dial: the configured one, else
 * the address the server is bound to, else, for a wildcard bind, the first site-local
 * IPv4 address of an interface that is up and not a container bridge or tunnel.
 *
 * @author LiteMesh team
 */
final class AdvertisedAddress {

	private static final List<String> VIRTUAL_PREFIXES = List.of("docker", "br-", "veth", "virbr", "cni", "flannel",
			"tun", "tap", "zt", "tailscale", "wg");

	private AdvertisedAddress() {
	}

	/**
	 * Choose the address.
	 * @param configured {@code host} or {@code host:port}, {@code null} to detect
	 * @param bindHost the host the server is bound to
	 * @param boundPort the port the server is bound to
	 * @return {@code host:port}
	 */
	static HostAndPort choose(@Nullable String configured, String bindHost, int boundPort) {
		if (configured != null && !configured.isBlank()) {
			HostAndPort parsed = HostAndPort.parse(configured, boundPort);
			return parsed;
		}
		if (!isWildcard(bindHost)) {
			return new HostAndPort(bindHost, boundPort);
		}
		String detected = detect();
		return new HostAndPort((detected != null) ? detected : "127.0.0.1", boundPort);
	}

	private static boolean isWildcard(String host) {
		return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
	}

	private static @Nullable String detect() {
		try {
			String fallback = null;
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || isVirtualName(nic.getName())) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
						if (address.isSiteLocalAddress()) {
							return address.getHostAddress();
						}
						fallback = (fallback != null) ? fallback : address.getHostAddress();
					}
				}
			}
			return fallback;
		}
		catch (SocketException ex) {
			return null;
		}
	}

	private static boolean isVirtualName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return VIRTUAL_PREFIXES.stream().anyMatch(lower::startsWith);
	}

}
