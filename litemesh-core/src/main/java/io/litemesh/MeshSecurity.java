/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who may connect to a node as a stock RSocket client and who may call which of its
 * services: the values of {@code litemesh.security.clients.<name>} (a client's token) and
 * {@code litemesh.security.access.<service>} (who may call the service), validated
 * eagerly. Immutable; {@link #toString()} names the clients but never shows a token.
 * <p>
 * A stock client authenticated as {@code <name>} calls as {@code client:<name>}
 * ({@link #CLIENT_PREFIX}): that is what access rules name and what
 * {@link MeshContext#callerNodeId()} reads. A rule is a comma-separated list of node-id
 * patterns with {@code *} ({@code catalog-*}), {@code client:<name>} patterns
 * ({@code client:ops}, {@code client:*}), and {@code *} for everyone.
 *
 * @author LiteMesh team
 */
public final class MeshSecurity {

	/** What the identity of an authenticated stock client starts with. */
	public static final String CLIENT_PREFIX = "client:";

	/** No client tokens and no access rules: every caller may call every service. */
	public static final MeshSecurity NONE = new MeshSecurity(Map.of(), Map.of());

	/** What a client name may be: it appears in property keys and in access rules. */
	private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private static final String HIDDEN = "(hidden)";

	private final Map<String, String> clientTokens;

	private final Map<String, String> accessRules;

	private MeshSecurity(Map<String, String> clientTokens, Map<String, String> accessRules) {
		this.clientTokens = Collections.unmodifiableMap(new LinkedHashMap<>(clientTokens));
		this.accessRules = Collections.unmodifiableMap(new LinkedHashMap<>(accessRules));
	}

	/**
	 * Validate and hold client tokens and access rules.
	 * @param clientTokens the token of each stock client, by client name
	 * @param accessRules the rule of each service that has one, by service name
	 * @return the security settings
	 * @throws InvalidMeshSettingException naming the first bad entry, never a token
	 */
	public static MeshSecurity of(Map<String, String> clientTokens, Map<String, String> accessRules) {
		Map<String, String> owners = new LinkedHashMap<>();
		clientTokens.forEach((name, token) -> {
			checkClient(name, token);
			String owner = owners.putIfAbsent(token, name);
			if (owner != null) {
				throw new InvalidMeshSettingException("clientToken", "security.clients." + name, HIDDEN,
						"must differ from the token of client '" + owner + "', as a bearer token names its client");
			}
		});
		accessRules.forEach(MeshSecurity::checkAccessRule);
		Map<String, String> trimmed = new LinkedHashMap<>();
		accessRules.forEach((service, rule) -> trimmed.put(service, rule.trim()));
		return new MeshSecurity(clientTokens, trimmed);
	}

	/**
	 * Check one client's name and token.
	 * @param name the client's name
	 * @param token its token
	 * @throws InvalidMeshSettingException when either is bad; the token is never shown
	 */
	static void checkClient(@Nullable String name, @Nullable String token) {
		if (name == null || !CLIENT_NAME.matcher(name).matches()) {
			throw new InvalidMeshSettingException("clientToken", "security.clients." + name, HIDDEN,
					"must be keyed by a client name of 1 to 128 letters, digits, '.', '_' or '-'");
		}
		if (token == null || token.isBlank()) {
			throw new InvalidMeshSettingException("clientToken", "security.clients." + name, HIDDEN,
					"must not be empty");
		}
	}

	/**
	 * Check one service's access rule.
	 * @param service the service
	 * @param rule who may call it
	 * @throws InvalidMeshSettingException when the rule is empty or has an empty entry
	 */
	static void checkAccessRule(@Nullable String service, @Nullable String rule) {
		String property = "security.access." + service;
		if (service == null || service.isBlank()) {
			throw new InvalidMeshSettingException("accessRule", property, rule, "must be keyed by a service name");
		}
		if (rule == null || rule.isBlank()) {
			throw new InvalidMeshSettingException("accessRule", property, rule,
					"must not be empty; list who may call the service, or '*' for everyone");
		}
		for (String entry : List.of(rule.split(",", -1))) {
			String caller = entry.trim();
			if (caller.isEmpty() || caller.chars().anyMatch(Character::isWhitespace) || caller.equals(CLIENT_PREFIX)) {
				throw new InvalidMeshSettingException("accessRule", property, rule,
						"must be a comma-separated list of node-id patterns ('catalog-*'), 'client:<name>', "
								+ "'client:*' or '*', none empty");
			}
		}
	}

	/**
	 * Return the token of each stock client, for the node's authenticator only: never log
	 * it.
	 * @return tokens by client name
	 */
	public Map<String, String> clientTokens() {
		return this.clientTokens;
	}

	/**
	 * Return the access rule of each service that has one.
	 * @return rules by service name, each a comma-separated list of callers
	 */
	public Map<String, String> accessRules() {
		return this.accessRules;
	}

	/**
	 * Name the clients and show the rules, never a token.
	 */
	@Override
	public String toString() {
		return "MeshSecurity[clients=" + this.clientTokens.keySet() + ", access=" + this.accessRules + "]";
	}

}
