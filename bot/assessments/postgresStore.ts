/**
 * The store for deployments with several instances: PostgreSQL (`pg`),
 * chosen when DATABASE_URL is set.
 *
 * Concurrency: each write runs in one transaction that locks the item's row
 * (SELECT … FOR UPDATE), compares versions, and updates with
 * `WHERE version = $expected`; a first write inserts with
 * `ON CONFLICT DO NOTHING`, so of two editors creating the same item exactly
 * one wins and the other gets the winner's state back as a conflict.
 */
import { Pool, PoolClient, PoolConfig } from 'pg';
import {
  Actor, applyChange, EditableState, FieldChange, fullChange, HistoryEntry, ItemChange, ItemState, UNCHECKED,
} from './model';
import type { AssessmentStore, ImportCounts, ImportEntry, ItemStatusSummary, PutResult, ScopeKey } from './store';
import { Migration, POSTGRES_MIGRATIONS } from './migrations';

interface StateRow {
  item_id: string;
  status: ItemState['status'];
  owner: string | null;
  note: string | null;
  target_date: string | null;
  checked_date: string | null;
  version: number;
  updated_by_id: string;
  updated_by_name: string;
  updated_at: Date;
}

function toState(row: StateRow): ItemState {
  return {
    status: row.status,
    owner: row.owner,
    note: row.note,
    targetDate: row.target_date,
    checkedDate: row.checked_date,
    version: row.version,
    updatedBy: { id: row.updated_by_id, name: row.updated_by_name },
    updatedAt: row.updated_at.toISOString(),
  };
}

const STATE_COLUMNS = 'item_id, status, owner, note, target_date, checked_date, version, updated_by_id, updated_by_name, updated_at';
/** Any constant: serialises migrations across instances starting together. */
const MIGRATION_LOCK = 0x6d65647365;

export interface PostgresStoreOptions {
  pool?: Omit<PoolConfig, 'connectionString'>;
  onError?: (err: Error) => void;
  now?: () => Date;
}

export class PostgresAssessmentStore implements AssessmentStore {
  readonly kind = 'postgres' as const;
  private readonly now: () => Date;

  /** Connects and applies pending migrations. */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresAssessmentStore> {
    const pool = new Pool({
      connectionString,
      max: 10,
      // Fail a request rather than hang it when the database is unreachable or stuck.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      ...options.pool,
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', (err) => options.onError?.(err));
    try {
      await migrate(pool, POSTGRES_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresAssessmentStore(pool, options);
  }

  private constructor(private readonly pool: Pool, options: PostgresStoreOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async getAssessment(key: ScopeKey): Promise<Map<string, ItemState>> {
    const { rows } = await this.pool.query<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM item_states WHERE tenant_id = $1 AND scope = $2 AND edition = $3`, [key.tenantId, key.scope, key.edition]);
    return new Map(rows.map((r) => [r.item_id, toState(r)]));
  }

  async getItemState(key: ScopeKey, itemId: string): Promise<ItemState> {
    const { rows } = await this.pool.query<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM item_states WHERE tenant_id = $1 AND scope = $2 AND edition = $3 AND item_id = $4`,
      [key.tenantId, key.scope, key.edition, itemId]);
    return rows[0] ? toState(rows[0]) : { ...UNCHECKED };
  }

  async getItemStatus(key: ScopeKey, itemId: string): Promise<ItemStatusSummary | undefined> {
    const state = await this.getItemState(key, itemId);
    if (state.version === 0) return undefined;
    return { status: state.status, owner: state.owner, version: state.version, updatedAt: state.updatedAt };
  }

  async putItem(key: ScopeKey, itemId: string, change: ItemChange, expectedVersion: number, actor: Actor): Promise<PutResult> {
    return this.transaction(async (client) => {
      const current = await this.lockState(client, key, itemId);
      if (current.version !== expectedVersion) return { ok: false, current };
      const { next, changes } = applyChange(current, change);
      if (changes.length === 0) return { ok: true, state: current, changed: false };
      const state = await this.write(client, key, itemId, current, next, changes, actor, 'edit');
      if (!state) return { ok: false, current: await this.lockState(client, key, itemId) };
      return { ok: true, state, changed: true };
    });
  }

  async getHistory(key: ScopeKey, itemId: string): Promise<HistoryEntry[]> {
    const { rows } = await this.pool.query<{ version: number; at: Date; by_id: string; by_name: string; source: HistoryEntry['source']; changes: FieldChange[] }>(
      `SELECT version, at, by_id, by_name, source, changes FROM item_history
       WHERE tenant_id = $1 AND scope = $2 AND edition = $3 AND item_id = $4 ORDER BY id`, [key.tenantId, key.scope, key.edition, itemId]);
    return rows.map((r) => ({ version: r.version, at: r.at.toISOString(), by: { id: r.by_id, name: r.by_name }, source: r.source, changes: r.changes }));
  }

  async importItems(key: ScopeKey, entries: ImportEntry[], actor: Actor): Promise<ImportCounts> {
    return this.transaction(async (client) => {
      const counts: ImportCounts = { total: entries.length, created: 0, updated: 0, unchanged: 0 };
      for (const entry of entries) {
        const current = await this.lockState(client, key, entry.itemId);
        const { next, changes } = applyChange(current, fullChange(entry.state));
        if (changes.length === 0) {
          counts.unchanged += 1;
          continue;
        }
        let written = await this.write(client, key, entry.itemId, current, next, changes, actor, 'import');
        if (!written) {
          // Lost the race to create it: the row exists now; lock it and apply on top.
          const now = await this.lockState(client, key, entry.itemId);
          const again = applyChange(now, fullChange(entry.state));
          if (again.changes.length === 0) {
            counts.unchanged += 1;
            continue;
          }
          written = await this.write(client, key, entry.itemId, now, again.next, again.changes, actor, 'import');
          if (!written) throw new Error(`item ${entry.itemId} changed under a row lock`);
          counts.updated += 1;
          continue;
        }
        if (current.version === 0) counts.created += 1;
        else counts.updated += 1;
      }
      return counts;
    });
  }

  async saveTeamServiceUrl(tenantId: string, teamId: string, serviceUrl: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO team_service_urls (tenant_id, team_id, service_url, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, team_id) DO UPDATE SET service_url = EXCLUDED.service_url, updated_at = EXCLUDED.updated_at`,
      [tenantId, teamId, serviceUrl, this.now()]);
  }

  async getTeamServiceUrl(tenantId: string, teamId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ service_url: string }>(
      'SELECT service_url FROM team_service_urls WHERE tenant_id = $1 AND team_id = $2', [tenantId, teamId]);
    return rows[0]?.service_url;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * The item's current state with its row locked until the transaction ends.
   * When there is no row there is nothing to lock: the INSERT … ON CONFLICT
   * in write() then decides which of two creators wins.
   */
  private async lockState(client: PoolClient, key: ScopeKey, itemId: string): Promise<ItemState> {
    const { rows } = await client.query<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM item_states WHERE tenant_id = $1 AND scope = $2 AND edition = $3 AND item_id = $4 FOR UPDATE`,
      [key.tenantId, key.scope, key.edition, itemId]);
    return rows[0] ? toState(rows[0]) : { ...UNCHECKED };
  }

  /**
   * Inside a transaction: writes the new version and its history entry.
   * Returns undefined (nothing written) when another transaction got there
   * first: a concurrent insert of a new item, or a version already moved on.
   */
  private async write(client: PoolClient, key: ScopeKey, itemId: string, current: ItemState, next: EditableState,
    changes: FieldChange[], actor: Actor, source: HistoryEntry['source']): Promise<ItemState | undefined> {
    const at = this.now();
    const values = [key.tenantId, key.scope, key.edition, itemId, next.status, next.owner, next.note, next.targetDate, next.checkedDate, actor.id, actor.name, at];
    const { rows } = current.version === 0
      ? await client.query<StateRow>(
        `INSERT INTO item_states (tenant_id, scope, edition, item_id, status, owner, note, target_date, checked_date, version, updated_by_id, updated_by_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $12)
         ON CONFLICT (tenant_id, scope, edition, item_id) DO NOTHING RETURNING ${STATE_COLUMNS}`, values)
      : await client.query<StateRow>(
        `UPDATE item_states SET status = $5, owner = $6, note = $7, target_date = $8, checked_date = $9,
           version = version + 1, updated_by_id = $10, updated_by_name = $11, updated_at = $12
         WHERE tenant_id = $1 AND scope = $2 AND edition = $3 AND item_id = $4 AND version = $13 RETURNING ${STATE_COLUMNS}`, [...values, current.version]);
    if (!rows[0]) return undefined;
    const state = toState(rows[0]);
    await client.query(
      `INSERT INTO item_history (tenant_id, scope, edition, item_id, version, at, by_id, by_name, source, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [key.tenantId, key.scope, key.edition, itemId, state.version, at, actor.id, actor.name, source, JSON.stringify(changes)]);
    return state;
  }
}

async function migrate(pool: Pool, migrations: Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Instances starting together queue here; the second one finds everything applied.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Applied migration versions (for tests and diagnostics). */
export async function postgresMigrationVersions(connectionString: string): Promise<number[]> {
  const pool = new Pool({ connectionString, max: 1 });
  try {
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => r.version);
  } finally {
    await pool.end();
  }
}
