-- LiteMesh JDBC-table transport, schema version 1, MariaDB (10.6 or later).
-- Replace ${prefix} with litemesh.jdbc.table-prefix (default LITEMESH_) to run it by hand.
-- Table names are case-sensitive on most MariaDB installations: keep the prefix's case.

-- One row per live node; a row whose lease (EXPIRES_AT, epoch ms) has passed is ignored and removed.
-- SIGNATURE is the entry's HMAC with litemesh.security.secret; with a secret, rows without a valid one are ignored.
CREATE TABLE IF NOT EXISTS ${prefix}REGISTRY (
	NODE_ID VARCHAR(255) NOT NULL PRIMARY KEY,
	CLUSTER_NAME VARCHAR(255) NOT NULL,
	INCARNATION BIGINT NOT NULL,
	EXPIRES_AT BIGINT NOT NULL,
	SIGNATURE VARCHAR(255)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}REGISTRY_CLUSTER_IX ON ${prefix}REGISTRY (CLUSTER_NAME, EXPIRES_AT);

-- One row per message waiting in a node's mailbox; deleted once handled or expired.
-- A row is claimable while VISIBLE_AT (epoch ms) has passed; a claim pushes it forward by the claim timeout.
-- Messages larger than max_allowed_packet (16MB by default) cannot be stored: raise it to match litemesh.max-frame-size.
CREATE TABLE IF NOT EXISTS ${prefix}MAILBOX (
	SEQ BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	ID CHAR(36) CHARACTER SET ascii NOT NULL,
	CLUSTER_NAME VARCHAR(255),
	SENDER VARCHAR(255) NOT NULL,
	RECIPIENT VARCHAR(255) NOT NULL,
	MSG_TYPE VARCHAR(16) NOT NULL,
	CORRELATION CHAR(36) CHARACTER SET ascii NOT NULL,
	CREATED_AT BIGINT NOT NULL,
	EXPIRES_AT BIGINT NOT NULL,
	VISIBLE_AT BIGINT NOT NULL,
	ATTEMPTS INT DEFAULT 0 NOT NULL,
	SIGNATURE VARCHAR(255),
	METADATA MEDIUMBLOB NOT NULL,
	DATA LONGBLOB NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}MAILBOX_ID_UX ON ${prefix}MAILBOX (ID);
CREATE INDEX IF NOT EXISTS ${prefix}MAILBOX_CLAIM_IX ON ${prefix}MAILBOX (RECIPIENT, SEQ);
CREATE INDEX IF NOT EXISTS ${prefix}MAILBOX_EXPIRY_IX ON ${prefix}MAILBOX (EXPIRES_AT);
