/**
 * The JDBC-table transport: a registry table through which nodes sharing a database find
 * each other, and a mailbox table that carries their messages, on H2, PostgreSQL and
 * MariaDB.
 */
@NullMarked
package io.litemesh.transport.jdbc;

import org.jspecify.annotations.NullMarked;
