/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.litemesh.MeshSecurity;

/**
 * Who may call which service of this node ({@code litemesh.security.access.<service>}),
 * compiled once: immutable and safe to share.
 * <p>
 * A caller is the identity the mesh authenticated and carried in the envelope's source: a
 * node id, {@code client:<name>} for a stock client a node authenticated, or the
 * generated name ({@code client-<node>-<n>}) of an unauthenticated client in protected
 * mode, which is matched as a node id is (protected mode authenticates nobody: there a
 * rule guards against mistakes, not against intruders). Each entry of a rule admits:
 * <ul>
 * <li>{@code *}: everyone;</li>
 * <li>{@code client:<pattern>} ({@code client:ops}, {@code client:*}): authenticated
 * stock clients whose name matches;</li>
 * <li>any other pattern ({@code catalog-*}): nodes whose id matches, never a
 * {@code client:} identity.</li>
 * </ul>
 * In a pattern {@code *} stands for any characters. A service with no rule may be called
 * by everyone. The node itself may always call its own services: the application on it
 * holds the bean anyway, and a broadcast or anycast that includes the node would
 * otherwise fail for no protection at all.
 *
 * @author LiteMesh team
 */
public final class AccessRules {

	/** No rules: everyone may call every service. */
	public static final AccessRules NONE = new AccessRules("", Map.of());

	private final String localId;

	private final Map<String, Rule> rules;

	private AccessRules(String localId, Map<String, Rule> rules) {
		this.localId = localId;
		this.rules = rules;
	}

	/**
	 * Compile the rules of a node.
	 * @param localId the node's id, which may always call its own services
	 * @param rules the rule of each service that has one, as
	 * {@link MeshSecurity#accessRules()} holds them (validated)
	 * @return the compiled rules
	 */
	public static AccessRules compile(String localId, Map<String, String> rules) {
		Map<String, Rule> compiled = new LinkedHashMap<>();
		rules.forEach((service, rule) -> compiled.put(service, Rule.compile(rule)));
		return new AccessRules(localId, Map.copyOf(compiled));
	}

	/**
	 * Tell whether a caller may call a service of this node.
	 * @param service the service
	 * @param caller the caller's identity, as the envelope's source carries it
	 * @return {@code true} when the service has no rule, the caller is this node, or the
	 * rule admits the caller
	 */
	public boolean allows(String service, String caller) {
		Rule rule = this.rules.get(service);
		return rule == null || caller.equals(this.localId) || rule.admits(caller);
	}

	/**
	 * Return the rule of a service as configured, for messages.
	 * @param service the service
	 * @return the rule, {@code *} when it has none
	 */
	String describe(String service) {
		Rule rule = this.rules.get(service);
		return (rule != null) ? rule.text() : "*";
	}

	/**
	 * One service's rule: patterns for nodes and for clients, or everyone.
	 */
	private record Rule(String text, boolean everyone, List<Pattern> nodes, List<Pattern> clients) {

		static Rule compile(String text) {
			boolean everyone = false;
			List<Pattern> nodes = new ArrayList<>();
			List<Pattern> clients = new ArrayList<>();
			for (String entry : text.split(",")) {
				String caller = entry.trim();
				if (caller.equals("*")) {
					everyone = true;
				}
				else if (caller.startsWith(MeshSecurity.CLIENT_PREFIX)) {
					clients.add(glob(caller));
				}
				else {
					nodes.add(glob(caller));
				}
			}
			return new Rule(text, everyone, List.copyOf(nodes), List.copyOf(clients));
		}

		boolean admits(String caller) {
			if (this.everyone) {
				return true;
			}
			// a node pattern never admits a client, however it is written ('c*')
			List<Pattern> patterns = caller.startsWith(MeshSecurity.CLIENT_PREFIX) ? this.clients : this.nodes;
			for (Pattern pattern : patterns) {
				if (pattern.matcher(caller).matches()) {
					return true;
				}
			}
			return false;
		}

		/**
		 * A pattern where {@code *} is any characters and everything else is literal.
		 */
		private static Pattern glob(String pattern) {
			String[] literals = pattern.split("\\*", -1);
			StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
			for (int i = 1; i < literals.length; i++) {
				regex.append(".*").append(Pattern.quote(literals[i]));
			}
			return Pattern.compile(regex.toString());
		}

	}

}
