/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.litemesh.MeshContext;
import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code litemesh.security.clients.*} and {@code litemesh.security.access.*}:
 * how they bind, reach the node, and fail startup naming the key without showing a token.
 *
 * @author LiteMesh team
 */
class LiteMeshSecurityPropertiesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void clientsAndAccessRulesAreEmptyByDefault() {
		LiteMeshProperties.Security security = new LiteMeshProperties().getSecurity();
		assertThat(security.getClients()).isEmpty();
		assertThat(security.getAccess()).isEmpty();
	}

	@Test
	void clientsAndAccessRulesBindAndReachTheNode() {
		this.contextRunner
			.withPropertyValues("litemesh.security.clients.ops=ops-token-1", "litemesh.security.clients.ci=ci-token-2",
					"litemesh.security.access.catalog=catalog-*, client:ops", "litemesh.security.access.[a.b]=*")
			.run((context) -> {
				LiteMeshProperties.Security security = context.getBean(LiteMeshProperties.class).getSecurity();
				assertThat(security.getClients()).containsEntry("ops", "ops-token-1").containsEntry("ci", "ci-token-2");
				MeshNode node = context.getBean(MeshNode.class);
				assertThat(node.security().clientTokens()).containsOnlyKeys("ops", "ci");
				assertThat(node.security().accessRules()).containsEntry("catalog", "catalog-*, client:ops")
					.containsEntry("a.b", "*");
				assertThat(node.security().toString()).doesNotContain("ops-token-1", "ci-token-2");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "litemesh.security.clients.ops|''", "litemesh.security.clients.[ops*]|ops-token-1",
					"litemesh.security.access.catalog|''", "litemesh.security.access.catalog|'a,,b'" })
	void badClientOrRuleFailsStartupNamingTheKey(String key, String value) {
		this.contextRunner.withPropertyValues(key + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(key.replace("[", "").replace("]", "")))
				.hasMessageNotContaining("ops-token-1");
		});
	}

	@Test
	void tokenSharedByTwoClientsFailsStartupWithoutShowingIt() {
		this.contextRunner
			.withPropertyValues("litemesh.security.clients.ops=shared-token-1",
					"litemesh.security.clients.ci=shared-token-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("litemesh.security.clients.")
					.hasMessageNotContaining("shared-token-1");
			});
	}

	@Test
	void stockClientWithAConfiguredTokenCallsAsItsName() {
		this.contextRunner
			.withPropertyValues("litemesh.security.secret=correct horse", "litemesh.tcp.bind-address=127.0.0.1",
					"litemesh.security.clients.ops=ops-token-1", "litemesh.security.access.whoami=client:ops")
			.withBean(WhoAmI.class)
			.run((context) -> {
				URI address = URI.create(context.getBean(MeshNode.class).addresses().get(0));
				RSocketRequester requester = requester(address, "ops", "ops-token-1");
				try {
					assertThat(requester.route("whoami.caller").retrieveMono(String.class).block(TIMEOUT))
						.isEqualTo("\"client:ops\"");
				}
				finally {
					requester.dispose();
				}
			});
	}

	private static RSocketRequester requester(URI address, String name, String token) {
		ByteBuf credentials = AuthMetadataCodec.encodeSimpleMetadata(ByteBufAllocator.DEFAULT, name.toCharArray(),
				token.toCharArray());
		byte[] bytes = ByteBufUtil.getBytes(credentials);
		credentials.release();
		RSocketStrategies strategies = RSocketStrategies.builder()
			.encoders((encoders) -> encoders.add(new JacksonJsonEncoder()))
			.decoders((decoders) -> decoders.add(new JacksonJsonDecoder()))
			.build();
		return RSocketRequester.builder()
			.rsocketStrategies(strategies)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.setupMetadata(bytes, MimeType.valueOf(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()))
			.tcp(address.getHost(), address.getPort());
	}

	@MeshService("whoami")
	static class WhoAmI {

		public String caller(MeshContext context) {
			return context.callerNodeId();
		}

	}

}
