/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import javax.sql.DataSource;

import io.litemesh.transport.jdbc.JdbcMailboxStore;
import io.litemesh.transport.jdbc.JdbcSchema;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the JDBC-table transport: when the application has a
 * {@link DataSource}, nodes that share its database find each other and exchange messages
 * through two tables, created per {@code litemesh.jdbc.initialize-schema}.
 *
 * @author LiteMesh team
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = LiteMeshAutoConfiguration.class)
@ConditionalOnClass({ JdbcClient.class, JdbcAggregateTemplate.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBooleanProperty(name = "litemesh.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "litemesh.jdbc.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(LiteMeshProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class LiteMeshJdbcTransportAutoConfiguration {

	private static final String TABLE_PREFIX = "litemesh.jdbc.table-prefix";

	@Bean
	@ConditionalOnMissingBean({ LiteMeshJdbcSchemaInitializer.class, JdbcMailboxStore.class })
	LiteMeshJdbcSchemaInitializer liteMeshJdbcSchemaInitializer(DataSource dataSource, LiteMeshProperties properties) {
		LiteMeshProperties.Jdbc jdbc = properties.getJdbc();
		return new LiteMeshJdbcSchemaInitializer(dataSource, LiteMeshJdbcSchemaInitializer.settings(dataSource, jdbc),
				tablePrefix(jdbc));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	JdbcMailboxStore jdbcMailboxStore(DataSource dataSource, LiteMeshProperties properties) {
		return JdbcMailboxStore.builder(dataSource)
			.tablePrefix(tablePrefix(properties.getJdbc()))
			.cluster(properties.getCluster())
			// a stored message is bounded like a frame
			.maxMessageSize((int) Math.min(Integer.MAX_VALUE, properties.getMaxFrameSize().toBytes()))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(name = "liteMeshJdbcTransportCustomizer")
	MeshNodeBuilderCustomizer liteMeshJdbcTransportCustomizer(JdbcMailboxStore store) {
		return (builder) -> builder.mailboxStore(store);
	}

	private static String tablePrefix(LiteMeshProperties.Jdbc jdbc) {
		try {
			return JdbcSchema.requireValidPrefix(jdbc.getTablePrefix());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(TABLE_PREFIX, jdbc.getTablePrefix(),
					"Prefix must be a letter followed by at most 39 letters, digits or underscores");
		}
	}

}
