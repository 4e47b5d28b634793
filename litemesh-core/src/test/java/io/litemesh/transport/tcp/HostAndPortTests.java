/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.tcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HostAndPortTests {

	@Test
	void parsesTheUsualForms() {
		assertThat(HostAndPort.parse("10.0.0.5:7070", -1)).isEqualTo(new HostAndPort("10.0.0.5", 7070));
		assertThat(HostAndPort.parse("tcp://host:1", -1)).isEqualTo(new HostAndPort("host", 1));
		assertThat(HostAndPort.parse("host", 7070)).isEqualTo(new HostAndPort("host", 7070));
		assertThat(HostAndPort.parse("[::1]:9", -1)).isEqualTo(new HostAndPort("::1", 9));
		assertThat(new HostAndPort("::1", 9).toUri()).isEqualTo("tcp://[::1]:9");
	}

	@Test
	void rejectsBadAddressesNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("host:port", -1))
			.withMessageContaining("'host:port'");
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("host", -1));
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("host:70000", -1));
	}

	@Test
	void advertisesTheConfiguredAddressOrTheBoundOne() {
		assertThat(AdvertisedAddress.choose("mesh.example.com", "0.0.0.0", 7070))
			.isEqualTo(new HostAndPort("mesh.example.com", 7070));
		assertThat(AdvertisedAddress.choose("10.1.1.1:9000", "0.0.0.0", 7070))
			.isEqualTo(new HostAndPort("10.1.1.1", 9000));
		assertThat(AdvertisedAddress.choose(null, "127.0.0.1", 7071)).isEqualTo(new HostAndPort("127.0.0.1", 7071));
		assertThat(AdvertisedAddress.choose(null, "0.0.0.0", 7072).host()).isNotEqualTo("0.0.0.0");
	}

}
