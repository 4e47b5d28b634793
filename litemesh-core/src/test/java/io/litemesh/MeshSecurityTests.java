/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MeshSecurity} and the builder methods that fill it: bad tokens and
 * rules fail when the node is built, naming the key and never a token.
 */
class MeshSecurityTests {

	@Test
	void emptyRulesAndEntriesAreRejectedNamingTheKey() {
		for (String rule : new String[] { "", "  ", "a,,b", "a,", "client:", "a b" }) {
			assertThatExceptionOfType(InvalidMeshSettingException.class)
				.isThrownBy(() -> MeshNode.builder().accessRule("catalog", rule))
				.satisfies((ex) -> assertThat(ex.property()).isEqualTo("litemesh.security.access.catalog"));
		}
	}

	@Test
	void blankTokenIsRejectedNamingTheKey() {
		assertThatExceptionOfType(InvalidMeshSettingException.class)
			.isThrownBy(() -> MeshNode.builder().clientToken("ops", " "))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("litemesh.security.clients.ops"))
			.withMessageContaining("must not be empty");
	}

	@Test
	void badClientNameIsRejectedWithoutShowingTheToken() {
		assertThatExceptionOfType(InvalidMeshSettingException.class)
			.isThrownBy(() -> MeshNode.builder().clientToken("ops:1", "tok-secret-1"))
			.withMessageContaining("litemesh.security.clients.ops:1")
			.withMessageNotContaining("tok-secret-1");
	}

	@Test
	void twoClientsWithOneTokenAreRejectedWithoutShowingIt() {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("ops", "shared-token-1");
		tokens.put("ci", "shared-token-1");
		assertThatExceptionOfType(InvalidMeshSettingException.class).isThrownBy(() -> MeshSecurity.of(tokens, Map.of()))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("litemesh.security.clients.ci"))
			.withMessageContaining("'ops'")
			.withMessageNotContaining("shared-token-1");
	}

	@Test
	void toStringNamesClientsAndRulesButNoToken() {
		MeshSecurity security = MeshSecurity.of(Map.of("ops", "tok-ops-123"), Map.of("catalog", " client:ops "));
		assertThat(security.toString()).contains("ops", "catalog=client:ops").doesNotContain("tok-ops-123");
		assertThat(security.accessRules()).containsEntry("catalog", "client:ops");
	}

}
