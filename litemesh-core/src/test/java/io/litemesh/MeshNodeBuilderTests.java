/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import io.litemesh.TestCertificates.Authority;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.transport.tcp.TcpTls.ClientAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

	@Test
	void nonLoopbackBindOnANodeThatAuthenticatesNobodyIsRefusedNamingTheKeys() {
		assertThatExceptionOfType(InvalidMeshSettingException.class)
			.isThrownBy(() -> MeshNode.builder().bindAddress("0.0.0.0").build())
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("litemesh.tcp.bind-address"))
			.withMessageContaining("litemesh.security.secret")
			.withMessageContaining("litemesh.tcp.ssl.bundle")
			.withMessageContaining("litemesh.security.allow-unauthenticated");
	}

	@ParameterizedTest
	@EnumSource(names = { "WANT", "NONE" })
	void tlsWithoutClientCertificatesDoesNotAuthenticate(ClientAuth clientAuth) {
		assertThatExceptionOfType(InvalidMeshSettingException.class)
			.isThrownBy(() -> MeshNode.builder().bindAddress("0.0.0.0").tls(tls(clientAuth)).build());
	}

	@Test
	void nonLoopbackBindIsAllowedWithASecretTlsClientCertificatesOrWhenAllowed() {
		assertThat(MeshNode.builder().bindAddress("0.0.0.0").secret("correct horse").build()).isNotNull();
		assertThat(MeshNode.builder().bindAddress("0.0.0.0").tls(tls(ClientAuth.NEED)).build()).isNotNull();
		assertThat(MeshNode.builder().bindAddress("0.0.0.0").allowUnauthenticated(true).build()).isNotNull();
		// an outbound-only node binds nothing
		assertThat(MeshNode.builder().bindAddress("0.0.0.0").tcpPort(-1).build()).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "localhost", "::1" })
	void loopbackBindNeedsNoAuthentication(String bindAddress) {
		assertThat(MeshNode.builder().bindAddress(bindAddress).build()).isNotNull();
	}

	private static TcpTls tls(ClientAuth clientAuth) {
		Authority ca = TestCertificates.authority("ca");
		return new TcpTls(ca.issue("node").material(ca), clientAuth);
	}

}
