/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.litemesh.MeshNode;
import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchema;
import io.litemesh.transport.jdbc.JdbcSchemaMissingException;
import io.litemesh.transport.mailbox.RegistryEntry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LiteMeshJdbcTransportAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class LiteMeshJdbcTransportAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				LiteMeshJdbcTransportAutoConfiguration.class, LiteMeshAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0", "litemesh.node-id=jdbc-node", "litemesh.cluster=jdbc-tests");

	@Test
	void embeddedDatabaseGetsTablesAndTheNodeChecksInThroughThem() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JdbcMailboxStore.class)
				.hasSingleBean(LiteMeshJdbcSchemaInitializer.class)
				.hasBean("liteMeshJdbcTransportCustomizer");
			assertThat(tables(context.getBean(DataSource.class), "LITEMESH_")).isEqualTo(2);
			JdbcMailboxStore store = context.getBean(JdbcMailboxStore.class);
			assertThat(store.transport()).isEqualTo("jdbc");
			assertThat(context.getBean(MeshNode.class).isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> store.liveNodes("jdbc-tests").stream().map(RegistryEntry::nodeId).toList(),
						(ids) -> ids.contains("jdbc-node"));
		});
	}

	@Test
	void defaultTablePrefixMatchesTheCore() {
		assertThat(new LiteMeshProperties().getJdbc().getTablePrefix()).isEqualTo(JdbcSchema.DEFAULT_TABLE_PREFIX);
	}

	@Test
	void tablePrefixNamesTheTables() {
		this.contextRunner.withPropertyValues("litemesh.jdbc.table-prefix=APP_MESH_")
			.run((context) -> assertThat(tables(context.getBean(DataSource.class), "APP_MESH_")).isEqualTo(2));
	}

	@Test
	void badTablePrefixFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("litemesh.jdbc.table-prefix=mesh; DROP TABLE x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("litemesh.jdbc.table-prefix");
		});
	}

	@Test
	void withoutDataSourceThereIsNoJdbcTransport() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LiteMeshJdbcTransportAutoConfiguration.class,
					LiteMeshAutoConfiguration.class))
			.withPropertyValues("litemesh.tcp.port=0")
			.run((context) -> assertThat(context).hasSingleBean(MeshNode.class)
				.doesNotHaveBean(JdbcMailboxStore.class)
				.doesNotHaveBean(LiteMeshJdbcSchemaInitializer.class));
	}

	@Test
	void disabledJdbcTransportCreatesNoBeans() {
		this.contextRunner.withPropertyValues("litemesh.jdbc.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(MeshNode.class)
				.doesNotHaveBean(JdbcMailboxStore.class)
				.doesNotHaveBean(LiteMeshJdbcSchemaInitializer.class)
				.doesNotHaveBean("liteMeshJdbcTransportCustomizer"));
	}

	@Test
	void disabledLiteMeshCreatesNoJdbcBeans() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JdbcMailboxStore.class)
				.doesNotHaveBean(LiteMeshJdbcSchemaInitializer.class));
	}

	@Test
	void userStoreBacksOffTheAutoConfiguredOne() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JdbcMailboxStore.class).hasBean("userStore");
			assertThat(context).hasBean("liteMeshJdbcTransportCustomizer");
		});
	}

	@Test
	void withoutSpringJdbcThereIsNoJdbcTransport() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LiteMeshJdbcTransportAutoConfiguration.class,
					LiteMeshAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.jdbc"))
			.withBean(DataSource.class, () -> h2("jdbc:h2:mem:" + UUID.randomUUID()))
			.withPropertyValues("litemesh.tcp.port=0")
			.run((context) -> assertThat(context).hasSingleBean(MeshNode.class)
				.doesNotHaveBean(JdbcMailboxStore.class)
				.doesNotHaveBean(LiteMeshJdbcSchemaInitializer.class));
	}

	@Test
	void neverCreatingTablesFailsStartupNamingTheKeyAndTheDdl() {
		this.contextRunner.withPropertyValues("litemesh.jdbc.initialize-schema=never").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(schemaMissing(context.getStartupFailure()))
				.hasMessageContaining("litemesh.jdbc.initialize-schema")
				.hasMessageContaining("classpath:io/litemesh/transport/jdbc/schema/v1/schema-h2.sql");
			FailureAnalysis analysis = new JdbcSchemaMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("LITEMESH_REGISTRY", "LITEMESH_MAILBOX");
			assertThat(analysis.getAction()).contains("schema-h2.sql", "'litemesh.jdbc.initialize-schema=always'",
					"'litemesh.jdbc.enabled=false'");
		});
	}

	@Test
	void schemaFailureAnalyzerIsRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(JdbcSchemaMissingFailureAnalyzer.class);
	}

	@Test
	void databaseThatIsNotEmbeddedGetsTablesOnlyWhenAlwaysIsSet(@TempDir Path directory) {
		String url = "jdbc:h2:file:" + directory.resolve("mesh").toAbsolutePath();
		ApplicationContextRunner fileDatabase = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LiteMeshJdbcTransportAutoConfiguration.class,
					LiteMeshAutoConfiguration.class))
			.withBean(DataSource.class, () -> h2(url))
			.withPropertyValues("litemesh.tcp.port=0");
		fileDatabase.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(schemaMissing(context.getStartupFailure())).isNotNull();
		});
		fileDatabase.withPropertyValues("litemesh.jdbc.initialize-schema=always").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JdbcMailboxStore.class);
			assertThat(tables(context.getBean(DataSource.class), "LITEMESH_")).isEqualTo(2);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		JdbcMailboxStore userStore(DataSource dataSource) {
			JdbcSchema.create(dataSource, "USER_");
			return JdbcMailboxStore.builder(dataSource).tablePrefix("USER_").build();
		}

	}

	private static JdbcSchemaMissingException schemaMissing(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JdbcSchemaMissingException missing) {
				return missing;
			}
		}
		throw new AssertionError("No JdbcSchemaMissingException in the failure", failure);
	}

	private static DataSource h2(String url) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		return dataSource;
	}

	private static int tables(DataSource dataSource, String prefix) {
		Integer count = new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN (?, ?)", Integer.class,
				prefix + "REGISTRY", prefix + "MAILBOX");
		return (count != null) ? count : -1;
	}

}
