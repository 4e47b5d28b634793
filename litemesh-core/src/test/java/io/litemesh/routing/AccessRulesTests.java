/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AccessRules}: which callers each kind of entry admits.
 */
class AccessRulesTests {

	private static AccessRules rule(String rule) {
		return AccessRules.compile("self", Map.of("svc", rule));
	}

	@Test
	void serviceWithoutARuleAdmitsEveryone() {
		AccessRules rules = rule("catalog-1");
		assertThat(rules.allows("other", "anyone")).isTrue();
		assertThat(rules.allows("other", "client:ops")).isTrue();
		assertThat(AccessRules.NONE.allows("svc", "client:ops")).isTrue();
	}

	@Test
	void starAdmitsNodesAndClients() {
		AccessRules rules = rule("*");
		assertThat(rules.allows("svc", "billing")).isTrue();
		assertThat(rules.allows("svc", "client:ops")).isTrue();
	}

	@Test
	void nodePatternAdmitsMatchingNodesButNeverAClient() {
		AccessRules rules = rule("catalog-*, c*");
		assertThat(rules.allows("svc", "catalog-1")).isTrue();
		assertThat(rules.allows("svc", "catalog-")).isTrue();
		assertThat(rules.allows("svc", "cart")).isTrue();
		assertThat(rules.allows("svc", "billing")).isFalse();
		assertThat(rules.allows("svc", "client:catalog-1")).isFalse();
		assertThat(rules.allows("svc", "client:ops")).isFalse();
	}

	@Test
	void patternCharactersOtherThanStarAreLiteral() {
		AccessRules rules = rule("a.b,x+");
		assertThat(rules.allows("svc", "a.b")).isTrue();
		assertThat(rules.allows("svc", "axb")).isFalse();
		assertThat(rules.allows("svc", "x+")).isTrue();
		assertThat(rules.allows("svc", "xx")).isFalse();
	}

	@Test
	void clientEntriesAdmitTheNamedClientsOnly() {
		AccessRules rules = rule("client:ops,client:ci-*");
		assertThat(rules.allows("svc", "client:ops")).isTrue();
		assertThat(rules.allows("svc", "client:ci-7")).isTrue();
		assertThat(rules.allows("svc", "client:dev")).isFalse();
		assertThat(rules.allows("svc", "ops")).isFalse();
	}

	@Test
	void anyClientAdmitsEveryClientButNoNode() {
		AccessRules rules = rule("client:*");
		assertThat(rules.allows("svc", "client:ops")).isTrue();
		assertThat(rules.allows("svc", "billing")).isFalse();
		// an unauthenticated client of protected mode has no client: identity
		assertThat(rules.allows("svc", "client-gw-1")).isFalse();
	}

	@Test
	void theNodeMayAlwaysCallItsOwnServices() {
		assertThat(rule("client:ops").allows("svc", "self")).isTrue();
	}

	@Test
	void describeShowsTheRuleAsConfigured() {
		assertThat(rule("catalog-*, client:ops").describe("svc")).isEqualTo("catalog-*, client:ops");
		assertThat(rule("x").describe("other")).isEqualTo("*");
	}

}
