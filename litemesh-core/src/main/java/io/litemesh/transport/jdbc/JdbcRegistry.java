/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.util.List;

import io.litemesh.transport.mailbox.RegistryEntry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.DataAccessStrategyFactory;
import org.springframework.data.jdbc.core.convert.MappingJdbcConverter;
import org.springframework.data.jdbc.core.convert.QueryMappingConfiguration;
import org.springframework.data.jdbc.core.convert.RelationResolver;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry table as a Spring Data JDBC aggregate. The template is built here rather
 * than by {@code @EnableJdbcRepositories}, so the host application gets no repository
 * scanning and no mapping context it did not ask for, and each store maps its own table
 * prefix. Changes run in the store's own transactions, so that they commit even inside an
 * application transaction.
 *
 * @author LiteMesh team
 */
final class JdbcRegistry {

	private final JdbcAggregateTemplate template;

	private final DataAccessStrategy strategy;

	private final TransactionTemplate writes;

	/**
	 * Map the registry table of a store.
	 * @param jdbc the store's template
	 * @param writes the store's transactions that commit on their own
	 * @param type the database type
	 * @param tablePrefix the table prefix
	 */
	JdbcRegistry(NamedParameterJdbcTemplate jdbc, TransactionTemplate writes, DatabaseType type, String tablePrefix) {
		NamingStrategy naming = new NamingStrategy() {

			@Override
			public String getTableName(Class<?> entityType) {
				return tablePrefix + "REGISTRY";
			}

		};
		// unquoted names, so that each database folds them as it folded the DDL
		JdbcMappingContext context = JdbcMappingContext.forPlainIdentifiers(naming);
		// a registry row refers to no other entity, so there are no relations to resolve
		RelationResolver noRelations = (identifier, path) -> List.of();
		MappingJdbcConverter converter = new MappingJdbcConverter(context, noRelations);
		this.strategy = new DataAccessStrategyFactory(converter, jdbc, type.dialect(), QueryMappingConfiguration.EMPTY)
			.create();
		this.template = new JdbcAggregateTemplate(converter, this.strategy);
		this.writes = writes;
	}

	void checkIn(RegistryEntry entry) {
		RegistryRow row = RegistryRow.of(entry);
		// a node renews its row at every check-in: one update, and an insert only when it
		// found no row. Each statement commits on its own, since a failed insert would
		// leave a PostgreSQL transaction unable to run the update after it.
		if (Boolean.TRUE.equals(this.writes.execute((status) -> this.strategy.update(row, RegistryRow.class)))) {
			return;
		}
		try {
			this.writes.executeWithoutResult((status) -> this.template.insert(row));
		}
		catch (DuplicateKeyException ex) {
			// another instance of this node checked in between the two statements
			this.writes.executeWithoutResult((status) -> this.template.update(row));
		}
	}

	void checkOut(String nodeId) {
		this.writes.executeWithoutResult((status) -> this.template.deleteById(nodeId, RegistryRow.class));
	}

	List<RegistryEntry> liveNodes(String cluster, long now) {
		Query live = Query.query(Criteria.where("clusterName").is(cluster).and("expiresAt").greaterThan(now));
		return this.template.findAll(live, RegistryRow.class).stream().map(RegistryRow::toEntry).toList();
	}

}
