/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * UDP multicast beacons ({@code litemesh.discovery.multicast.*}): a node announces its
 * cluster, id and advertised addresses on a multicast group every few seconds, signed
 * with the secret when one is set, and dials the nodes it hears, so that nodes on one LAN
 * find each other without seeds. An IPv6 group ({@code ff15::...}) makes the beacons
 * IPv6.
 *
 * @param enabled whether the node sends and listens for beacons
 * @param group the multicast group, an IPv4 or IPv6 address literal
 * @param port the UDP port of the beacons
 * @author LiteMesh team
 */
public record MulticastDiscovery(boolean enabled, String group, int port) {

	/**
	 * Default group: in the IPv4 organization-local scope (239.255.0.0/16, RFC 2365),
	 * which routers do not forward beyond a site.
	 */
	public static final String DEFAULT_GROUP = "239.255.76.77";

	/** Default UDP port, next to the default TCP port. */
	public static final int DEFAULT_PORT = 7077;

	/** No beacons: the default. */
	public static final MulticastDiscovery DISABLED = new MulticastDiscovery(false, DEFAULT_GROUP, DEFAULT_PORT);

	/**
	 * Validate the settings eagerly, naming the bad value.
	 * @throws InvalidMeshSettingException naming the bad setting
	 */
	public MulticastDiscovery {
		SettingChecks.requireText(group, "multicastGroup", "discovery.multicast.group");
		group = group.trim();
		if (!isMulticastLiteral(group)) {
			throw new InvalidMeshSettingException("multicastGroup", "discovery.multicast.group", group,
					"must be an IPv4 (224.0.0.0/4) or IPv6 (ff00::/8) multicast address");
		}
		SettingChecks.requireRange(port, "multicastPort", "discovery.multicast.port", 1, 65535);
	}

	/**
	 * Return beacons on the given group and port.
	 * @param group the multicast group
	 * @param port the UDP port
	 * @return enabled settings
	 */
	public static MulticastDiscovery on(String group, int port) {
		return new MulticastDiscovery(true, group, port);
	}

	/**
	 * Return beacons on the default group and port.
	 * @return enabled settings
	 */
	public static MulticastDiscovery onDefaultGroup() {
		return on(DEFAULT_GROUP, DEFAULT_PORT);
	}

	private static boolean isMulticastLiteral(@Nullable String group) {
		// a literal only: a host name would mean a DNS lookup while settings are checked
		if (group == null || !(group.matches("[0-9.]+") || (group.contains(":") && group.matches("[0-9A-Fa-f:.]+")))) {
			return false;
		}
		try {
			return InetAddress.getByName(group).isMulticastAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
