/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import io.litemesh.view.ServiceInfo;
import org.jspecify.annotations.Nullable;

/**
 * The bounds of DESIGN section 8 on what an advertisement from the wire may hold.
 *
 * @author LiteMesh team
 */
final class AdvertisementBounds {

	private static final int MAX_NAME = 256;

	private static final int MAX_ADDRESSES = 16;

	private static final int MAX_ENDPOINTS = 1024;

	private static final int MAX_TAGS = 64;

	private AdvertisementBounds() {
	}

	/**
	 * Return whether every part of an advertisement is within the bounds of DESIGN
	 * section 8, so what a peer sends cannot make this node hold more than a real node
	 * would.
	 */
	static boolean isWithin(NodeAdvertisement advertisement) {
		if (!isName(advertisement.nodeId()) || !isName(advertisement.cluster())
				|| advertisement.addresses().size() > MAX_ADDRESSES
				|| advertisement.links().size() > NodeAdvertisement.MAX_LINKS
				|| advertisement.services().size() > NodeAdvertisement.MAX_SERVICES) {
			return false;
		}
		for (String address : advertisement.addresses()) {
			if (!isName(address)) {
				return false;
			}
		}
		for (LinkInfo link : advertisement.links()) {
			if (link == null || !isName(link.to()) || !isName(link.transport())) {
				return false;
			}
		}
		for (ServiceInfo service : advertisement.services()) {
			if (service == null || !isName(service.name()) || service.version().length() > MAX_NAME
					|| service.endpoints().size() > MAX_ENDPOINTS || service.tags().size() > MAX_TAGS) {
				return false;
			}
		}
		return true;
	}

	static boolean isName(@Nullable String name) {
		return name != null && !name.isBlank() && name.length() <= MAX_NAME;
	}

}
