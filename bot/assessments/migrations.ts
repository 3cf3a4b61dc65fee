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

const STATUS_CHECK = "status IN ('unchecked', 'done', 'partial', 'not-done', 'not-applicable')";

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
];
