/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the network interface beacons go out on and are heard on: the one that holds
 * the node's advertised address, else its bind address, else the first interface that is
 * up, can multicast and has an address of the group's family. Beacons announce where the
 * node is dialled, so they belong on the network of that address.
 *
 * @author LiteMesh team
 */
final class BeaconInterface {

	private BeaconInterface() {
	}

	static @Nullable NetworkInterface choose(List<String> addresses, @Nullable String bindAddress, boolean ipv6) {
		List<String> hosts = new ArrayList<>();
		addresses.forEach((address) -> hosts.add(host(address)));
		if (bindAddress != null) {
			hosts.add(bindAddress);
		}
		try {
			for (String host : hosts) {
				NetworkInterface nic = holding(host);
				if (nic != null && nic.isUp()) {
					return nic;
				}
			}
			NetworkInterface loopback = null;
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || !nic.supportsMulticast() || !hasFamily(nic, ipv6)) {
					continue;
				}
				if (!nic.isLoopback()) {
					return nic;
				}
				loopback = nic;
			}
			return loopback;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static @Nullable NetworkInterface holding(String host) throws IOException {
		// literals only: an advertised host name (a Docker host's, say) is not local
		if (!host.matches("[0-9.]+") && !(host.contains(":") && host.matches("[0-9A-Fa-f:.%]+"))) {
			return null;
		}
		InetAddress address = InetAddress.getByName(host);
		return address.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(address);
	}

	private static boolean hasFamily(NetworkInterface nic, boolean ipv6) {
		return Collections.list(nic.getInetAddresses())
			.stream()
			.anyMatch((address) -> ipv6 ? address instanceof Inet6Address : address instanceof Inet4Address);
	}

	private static String host(String address) {
		String value = address.startsWith("tcp://") ? address.substring("tcp://".length()) : address;
		int colon = value.lastIndexOf(':');
		String host = (colon > 0) ? value.substring(0, colon) : value;
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
