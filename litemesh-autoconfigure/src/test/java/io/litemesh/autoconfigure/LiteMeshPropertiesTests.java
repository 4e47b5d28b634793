/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.time.Duration;

import io.litemesh.MeshNode;
import io.litemesh.MeshSettings;
import io.litemesh.MulticastDiscovery;
import io.litemesh.transport.tcp.TcpTls;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LiteMeshProperties}.
 *
 * @author LiteMesh team
 */
class LiteMeshPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsMatchCoreDefaults() {
		LiteMeshProperties properties = new LiteMeshProperties();
		MeshSettings defaults = MeshNode.builder().build().settings();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getNodeId()).isNull();
		assertThat(properties.getCluster()).isEqualTo(MeshSettings.DEFAULT_CLUSTER).isEqualTo(defaults.cluster());
		assertThat(properties.getTcp().getPort()).isEqualTo(MeshSettings.DEFAULT_TCP_PORT)
			.isEqualTo(defaults.tcpPort());
		assertThat(properties.getTcp().getBindAddress()).isEqualTo(defaults.bindAddress());
		assertThat(properties.getTcp().getAdvertisedAddress()).isEqualTo(defaults.advertisedAddress());
		assertThat(properties.getSeeds()).isEqualTo(defaults.seeds()).isEmpty();
		assertThat(properties.getRequestTimeout()).isEqualTo(MeshSettings.DEFAULT_REQUEST_TIMEOUT)
			.isEqualTo(defaults.requestTimeout());
		assertThat(properties.getMaxFrameSize().toBytes()).isEqualTo(MeshSettings.DEFAULT_MAX_FRAME_SIZE)
			.isEqualTo(defaults.maxFrameSize());
		assertThat(properties.getMaxHops()).isEqualTo(MeshSettings.DEFAULT_MAX_HOPS).isEqualTo(defaults.maxHops());
		assertThat(properties.getTcp().isEnabled()).isTrue().isEqualTo(defaults.tcpEnabled());
		assertThat(properties.getTcp().getMaxLinks()).isEqualTo(MeshSettings.DEFAULT_MAX_LINKS)
			.isEqualTo(defaults.maxLinks());
		assertThat(properties.getTcp().getIoThreads()).isEqualTo(MeshSettings.DEFAULT_IO_THREADS)
			.isEqualTo(defaults.ioThreads());
		assertThat(properties.getSecurity().getSecret()).isEqualTo(defaults.secret());
		assertThat(properties.getAdvertiseInterval()).isEqualTo(defaults.advertiseInterval());
		assertThat(properties.getAdvertisementTtl()).isEqualTo(defaults.advertisementTtl());
		assertThat(properties.getTcp().getKeepAliveInterval()).isEqualTo(defaults.keepAliveInterval());
		assertThat(properties.getTcp().getKeepAliveTimeout()).isEqualTo(defaults.keepAliveTimeout());
		assertThat(properties.getTcp().getReconnectMaxBackoff()).isEqualTo(defaults.reconnectMaxBackoff());
		assertThat(properties.getDiscovery().getMulticast().isEnabled()).isEqualTo(defaults.multicast().enabled());
		assertThat(properties.getDiscovery().getMulticast().getGroup()).isEqualTo(MulticastDiscovery.DEFAULT_GROUP);
		assertThat(properties.getDiscovery().getMulticast().getPort()).isEqualTo(MulticastDiscovery.DEFAULT_PORT);
	}

	@Test
	void defaultsOfStoredOnlyProperties() {
		LiteMeshProperties properties = new LiteMeshProperties();
		assertThat(properties.getTcp().getSsl().getBundle()).isNull();
		assertThat(properties.getTcp().getSsl().getClientAuth()).isEqualTo(TcpTls.ClientAuth.NEED);
		assertThat(properties.getSecurity().isAllowUnauthenticated()).isFalse();
		assertThat(properties.getJdbc().getEnabled()).isNull();
		assertThat(properties.getJdbc().getInitializeSchema()).isEqualTo(DatabaseInitializationMode.EMBEDDED);
		assertThat(properties.getJdbc().getTablePrefix()).isEqualTo("LITEMESH_");
		assertThat(properties.getFile().getDirectory()).isNull();
	}

	@Test
	void bindsEveryKey() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false", "litemesh.node-id=a", "litemesh.cluster=demo",
				"litemesh.tcp.port=-1", "litemesh.tcp.bind-address=0.0.0.0",
				"litemesh.tcp.advertised-address=mesh.example.com:7071", "litemesh.tcp.ssl.bundle=mesh",
				"litemesh.tcp.ssl.client-auth=want", "litemesh.security.allow-unauthenticated=true",
				"litemesh.tcp.keep-alive-interval=1s", "litemesh.tcp.keep-alive-timeout=5s",
				"litemesh.tcp.reconnect-max-backoff=1m", "litemesh.seeds=a.example.com:7070,b.example.com:7070",
				"litemesh.jdbc.enabled=true", "litemesh.jdbc.initialize-schema=always",
				"litemesh.jdbc.table-prefix=MESH_", "litemesh.file.directory=/mnt/mesh", "litemesh.request-timeout=30s",
				"litemesh.max-frame-size=64MB", "litemesh.max-hops=16", "litemesh.security.secret=s3cret",
				"litemesh.advertise-interval=10s", "litemesh.advertisement-ttl=1m")
			.run((context) -> {
				LiteMeshProperties properties = context.getBean(LiteMeshProperties.class);
				assertThat(properties.isEnabled()).isFalse();
				assertThat(properties.getNodeId()).isEqualTo("a");
				assertThat(properties.getCluster()).isEqualTo("demo");
				assertThat(properties.getTcp().getPort()).isEqualTo(-1);
				assertThat(properties.getTcp().getBindAddress()).isEqualTo("0.0.0.0");
				assertThat(properties.getTcp().getAdvertisedAddress()).isEqualTo("mesh.example.com:7071");
				assertThat(properties.getTcp().getSsl().getBundle()).isEqualTo("mesh");
				assertThat(properties.getTcp().getSsl().getClientAuth()).isEqualTo(TcpTls.ClientAuth.WANT);
				assertThat(properties.getSecurity().isAllowUnauthenticated()).isTrue();
				assertThat(properties.getTcp().getKeepAliveInterval()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getTcp().getKeepAliveTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getTcp().getReconnectMaxBackoff()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getSeeds()).containsExactly("a.example.com:7070", "b.example.com:7070");
				assertThat(properties.getJdbc().getEnabled()).isTrue();
				assertThat(properties.getJdbc().getInitializeSchema()).isEqualTo(DatabaseInitializationMode.ALWAYS);
				assertThat(properties.getJdbc().getTablePrefix()).isEqualTo("MESH_");
				assertThat(properties.getFile().getDirectory()).isEqualTo("/mnt/mesh");
				assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(64));
				assertThat(properties.getMaxHops()).isEqualTo(16);
				assertThat(properties.getSecurity().getSecret()).isEqualTo("s3cret");
				assertThat(properties.getAdvertiseInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getAdvertisementTtl()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void bindsIndexedSeeds() {
		this.contextRunner.withPropertyValues("litemesh.seeds[0]=a:1", "litemesh.seeds[1]=b:2")
			.run((context) -> assertThat(context.getBean(LiteMeshProperties.class).getSeeds()).containsExactly("a:1",
					"b:2"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LiteMeshProperties.class)
	static class PropertiesConfiguration {

	}

}
