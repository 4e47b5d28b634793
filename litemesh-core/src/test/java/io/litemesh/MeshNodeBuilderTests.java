/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MeshNode.Builder}'s checks of settings that only make sense together.
 */
class MeshNodeBuilderTests {

	@Test
	void nodeWithTcpOffAndNoStoreIsRefusedAsUnreachable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MeshNode.builder().nodeId("lonely").tcpEnabled(false).build())
			.withMessageContaining("litemesh.tcp.enabled=false")
			.withMessageContaining("litemesh.file.directory");
	}

}
