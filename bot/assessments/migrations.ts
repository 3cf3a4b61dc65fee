/**
 * Schema migrations, applied in order at start-up and recorded in
 * `schema_migrations`. Append new ones; never edit one that has shipped.
 * Both dialects describe the same tables.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// As version 1 shipped it (a shipped migration never changes); contract/statuses.ts lists the same.
const STATUS_CHECK = "status IN ('unchecked', 'done', 'partial', 'not-done', 'not-applicable')";
/** Assessments made before there were several editions are the 5th edition's. */
const FIRST_EDITION = 'v5';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'item states, append-only history, team service URLs',
    sql: `
      CREATE TABLE item_states (
        tenant_id       TEXT NOT NULL,
        scope           TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (${STATUS_CHECK}),
        owner           TEXT,
        note            TEXT,
        target_date     TEXT,
        checked_date    TEXT,
        version         INTEGER NOT NULL CHECK (version >= 1),
        updated_by_id   TEXT NOT NULL,
        updated_by_name TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, scope, item_id)
      ) WITHOUT ROWID;

      CREATE TABLE item_history (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        scope     TEXT NOT NULL,
        item_id   TEXT NOT NULL,
        version   INTEGER NOT NULL,
        at        TEXT NOT NULL,
        by_id     TEXT NOT NULL,
        by_name   TEXT NOT NULL,
        source    TEXT NOT NULL CHECK (source IN ('edit', 'import')),
        changes   TEXT NOT NULL,
        UNIQUE (tenant_id, scope, item_id, version)
      );

      CREATE TRIGGER item_history_no_update BEFORE UPDATE ON item_history
      BEGIN SELECT RAISE(ABORT, 'item_history is append-only'); END;
      CREATE TRIGGER item_history_no_delete BEFORE DELETE ON item_history
      BEGIN SELECT RAISE(ABORT, 'item_history is append-only'); END;

      CREATE TABLE team_service_urls (
        tenant_id   TEXT NOT NULL,
        team_id     TEXT NOT NULL,
        service_url TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (tenant_id, team_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'an edition for every assessed item (existing rows: the 5th edition)',
    // SQLite cannot change a primary key or a UNIQUE constraint in place: both
    // tables are rebuilt, the history's append-only triggers dropped for the
    // copy and created again on the new table. Rows are copied, never changed.
    sql: `
      CREATE TABLE item_states_v2 (
        tenant_id       TEXT NOT NULL,
        scope           TEXT NOT NULL,
        edition         TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (${STATUS_CHECK}),
        owner           TEXT,
        note            TEXT,
        target_date     TEXT,
        checked_date    TEXT,
        version         INTEGER NOT NULL CHECK (version >= 1),
        updated_by_id   TEXT NOT NULL,
        updated_by_name TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, scope, edition, item_id)
      ) WITHOUT ROWID;
      INSERT INTO item_states_v2
        SELECT tenant_id, scope, '${FIRST_EDITION}', item_id, status, owner, note, target_date, checked_date, version,
               updated_by_id, updated_by_name, updated_at
        FROM item_states;
      DROP TABLE item_states;
      ALTER TABLE item_states_v2 RENAME TO item_states;

      DROP TRIGGER item_history_no_update;
      DROP TRIGGER item_history_no_delete;
      CREATE TABLE item_history_v2 (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        scope     TEXT NOT NULL,
        edition   TEXT NOT NULL,
        item_id   TEXT NOT NULL,
        version   INTEGER NOT NULL,
        at        TEXT NOT NULL,
        by_id     TEXT NOT NULL,
        by_name   TEXT NOT NULL,
        source    TEXT NOT NULL CHECK (source IN ('edit', 'import')),
        changes   TEXT NOT NULL,
        UNIQUE (tenant_id, scope, edition, item_id, version)
      );
      INSERT INTO item_history_v2 (id, tenant_id, scope, edition, item_id, version, at, by_id, by_name, source, changes)
        SELECT id, tenant_id, scope, '${FIRST_EDITION}', item_id, version, at, by_id, by_name, source, changes FROM item_history;
      DROP TABLE item_history;
      ALTER TABLE item_history_v2 RENAME TO item_history;
      CREATE TRIGGER item_history_no_update BEFORE UPDATE ON item_history
      BEGIN SELECT RAISE(ABORT, 'item_history is append-only'); END;
      CREATE TRIGGER item_history_no_delete BEFORE DELETE ON item_history
      BEGIN SELECT RAISE(ABORT, 'item_history is append-only'); END;
    `,
  },
];

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'item states, append-only history, team service URLs',
    sql: `
      CREATE TABLE item_states (
        tenant_id       TEXT NOT NULL,
        scope           TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (${STATUS_CHECK}),
        owner           TEXT,
        note            TEXT,
        target_date     TEXT CHECK (target_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        checked_date    TEXT CHECK (checked_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        version         INTEGER NOT NULL CHECK (version >= 1),
        updated_by_id   TEXT NOT NULL,
        updated_by_name TEXT NOT NULL,
        updated_at      TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant_id, scope, item_id)
      );

      CREATE TABLE item_history (
        id        BIGSERIAL PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        scope     TEXT NOT NULL,
        item_id   TEXT NOT NULL,
        version   INTEGER NOT NULL,
        at        TIMESTAMPTZ NOT NULL,
        by_id     TEXT NOT NULL,
        by_name   TEXT NOT NULL,
        source    TEXT NOT NULL CHECK (source IN ('edit', 'import')),
        changes   JSONB NOT NULL,
        UNIQUE (tenant_id, scope, item_id, version)
      );

      CREATE FUNCTION item_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'item_history is append-only';
      END $$;
      CREATE TRIGGER item_history_no_update_delete BEFORE UPDATE OR DELETE ON item_history
        FOR EACH ROW EXECUTE FUNCTION item_history_append_only();
      CREATE TRIGGER item_history_no_truncate BEFORE TRUNCATE ON item_history
        FOR EACH STATEMENT EXECUTE FUNCTION item_history_append_only();

      CREATE TABLE team_service_urls (
        tenant_id   TEXT NOT NULL,
        team_id     TEXT NOT NULL,
        service_url TEXT NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant_id, team_id)
      );
    `,
  },
  {
    version: 2,
    name: 'an edition for every assessed item (existing rows: the 5th edition)',
    // ADD COLUMN with a constant default writes no rows (PostgreSQL 11+), so
    // the history's append-only triggers are not involved.
    sql: `
      ALTER TABLE item_states ADD COLUMN edition TEXT NOT NULL DEFAULT '${FIRST_EDITION}';
      ALTER TABLE item_states ALTER COLUMN edition DROP DEFAULT;
      ALTER TABLE item_states DROP CONSTRAINT item_states_pkey;
      ALTER TABLE item_states ADD PRIMARY KEY (tenant_id, scope, edition, item_id);

      ALTER TABLE item_history ADD COLUMN edition TEXT NOT NULL DEFAULT '${FIRST_EDITION}';
      ALTER TABLE item_history ALTER COLUMN edition DROP DEFAULT;
      ALTER TABLE item_history DROP CONSTRAINT item_history_tenant_id_scope_item_id_version_key;
      ALTER TABLE item_history ADD CONSTRAINT item_history_item_version UNIQUE (tenant_id, scope, edition, item_id, version);
    `,
  },
];
