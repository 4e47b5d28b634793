/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import io.litemesh.transport.mailbox.MailMessage;
import org.jspecify.annotations.Nullable;

/**
 * Names of the files of the shared-directory transport. A message file is named
 * {@code <delivered>-<sequence>-<expires>-<id>.json}, so that sorting names gives the
 * delivery order (oldest first) and expiry needs no file to be read; a claimed file in
 * {@code cur/} carries its claim time too, {@code <name>.<claimed>}, so that a claim's
 * age needs no file time stamp (renames keep the time stamp of the delivery, and file
 * times of a shared mount come from the server's clock). Node ids and cluster names
 * become file names with anything outside {@code [A-Za-z0-9_.-]} percent-encoded.
 *
 * @author LiteMesh team
 */
final class MailFiles {

	/** The suffix of a message file in {@code new/}. */
	static final String SUFFIX = ".json";

	private static final int MAX_NAME = 120;

	private static long lastStamp;

	private static long lastSequence;

	private MailFiles() {
	}

	/**
	 * Return the file name of a message delivered now.
	 * @param message the message
	 * @param now the time of delivery, epoch milliseconds
	 * @return the name
	 */
	static String messageName(MailMessage message, long now) {
		long stamp;
		long seq;
		synchronized (MailFiles.class) {
			// never backwards, though the clock may step back: a stream's elements from
			// this JVM must sort in the order they were sent
			if (now > lastStamp) {
				lastStamp = now;
				lastSequence = 0;
			}
			else if (++lastSequence > 999_999) {
				lastStamp++;
				lastSequence = 0;
			}
			stamp = lastStamp;
			seq = lastSequence;
		}
		return String.format("%013d-%06d-%013d-%s%s", stamp, seq, Math.max(0, message.expiresAtMillis()), message.id(),
				SUFFIX);
	}

	/**
	 * Return the name of a message file once claimed.
	 * @param name the name in {@code new/}
	 * @param claimedAt the time of the claim, epoch milliseconds
	 * @return the name in {@code cur/}
	 */
	static String claimedName(String name, long claimedAt) {
		return name + "." + claimedAt;
	}

	/**
	 * Return the name a claimed file had in {@code new/}.
	 * @param claimed the name in {@code cur/}
	 * @return the name, {@code null} when it is no claimed message name
	 */
	static @Nullable String unclaimedName(String claimed) {
		int dot = claimed.lastIndexOf('.');
		return (dot > 0 && claimed.substring(0, dot).endsWith(SUFFIX)) ? claimed.substring(0, dot) : null;
	}

	/**
	 * Return when a file in {@code cur/} was claimed.
	 * @param claimed the name in {@code cur/}
	 * @return epoch milliseconds, {@code -1} when the name does not say
	 */
	static long claimedAt(String claimed) {
		int dot = claimed.lastIndexOf('.');
		return (dot > 0) ? parseLong(claimed.substring(dot + 1)) : -1;
	}

	/**
	 * Return when a message expires, read from its file name.
	 * @param name the name in {@code new/} or {@code cur/}
	 * @return epoch milliseconds, {@code -1} when the name is no message name
	 */
	static long expiresAt(String name) {
		String[] parts = name.split("-", 4);
		return (parts.length == 4) ? parseLong(parts[2]) : -1;
	}

	/**
	 * Return the id of a message, read from its file name.
	 * @param name the name in {@code new/} or {@code cur/}
	 * @return the id, {@code null} when the name is no message name
	 */
	static @Nullable UUID id(String name) {
		String[] parts = name.split("-", 4);
		if (parts.length != 4 || !parts[3].contains(SUFFIX)) {
			return null;
		}
		try {
			return UUID.fromString(parts[3].substring(0, parts[3].indexOf(SUFFIX)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Return the name of a file set aside into {@code rejected/}: the time it was set
	 * aside, then its name.
	 * @param name the file's name
	 * @param setAsideAt when it was set aside, epoch milliseconds
	 * @return the name in {@code rejected/}
	 */
	static String setAsideName(String name, long setAsideAt) {
		return setAsideAt + "~" + name;
	}

	/**
	 * Return when a file in {@code rejected/} was set aside, read from its name.
	 * @param name the name in {@code rejected/}
	 * @return epoch milliseconds, {@code -1} when the name does not say
	 */
	static long setAsideAt(String name) {
		int tilde = name.indexOf('~');
		return (tilde > 0) ? parseLong(name.substring(0, tilde)) : -1;
	}

	/**
	 * Return whether a name is that of a message file in {@code new/}.
	 * @param name the file name
	 * @return {@code true} for a well-formed name
	 */
	static boolean isMessageName(String name) {
		return name.endsWith(SUFFIX) && expiresAt(name) >= 0 && id(name) != null;
	}

	/**
	 * Turn a node id or cluster name into a file name that every file system accepts.
	 * @param name the name
	 * @return the file name, the same for the same name on every host
	 */
	static String safe(String name) {
		StringBuilder safe = new StringBuilder(name.length());
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_'
					|| b == '-' || (b == '.' && i > 0);
			if (plain) {
				safe.append((char) b);
			}
			else {
				safe.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
			}
		}
		if (safe.length() <= MAX_NAME) {
			return safe.toString();
		}
		// file names are bounded (255 bytes on most systems); keep a readable prefix and
		// make the rest unique
		return safe.substring(0, MAX_NAME - 17) + "~" + sha256(name).substring(0, 16);
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static long parseLong(String text) {
		if (text.isEmpty() || text.length() > 19) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return -1;
			}
		}
		return Long.parseLong(text);
	}

}
