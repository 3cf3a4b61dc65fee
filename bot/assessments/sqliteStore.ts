/**
 * The default store: one SQLite file (better-sqlite3), for one instance.
 *
 * Durability: WAL with synchronous=FULL. In WAL mode NORMAL already survives
 * the process being killed (a commit is in the WAL file, in the OS page
 * cache), but it may lose the last commits if the machine loses power or the
 * OS crashes, because the WAL is only fsynced at checkpoints. An assessment
 * is an audit record — "対応済, checked 2025-04-01 by 田中" must not vanish
 * after the user was told it was saved — and people click far slower than
 * one fsync per commit, so FULL costs nothing that matters (see the bench).
 *
 * better-sqlite3 is synchronous, so within this process each transaction
 * runs whole; BEGIN IMMEDIATE takes the write lock up front so a second
 * process on the same file (a CLI, a second instance by mistake) waits
 * (busy_timeout) instead of failing half-way or reading stale versions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import {
  Actor, applyChange, EditableState, FieldChange, fullChange, HistoryEntry, ItemChange, ItemState, UNCHECKED,
} from './model';
import type { AssessmentStore, ImportCounts, ImportEntry, ItemStatusSummary, PutResult, ScopeKey } from './store';
import { SQLITE_MIGRATIONS, Migration } from './migrations';

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
  updated_at: string;
}

interface HistoryRow {
  version: number;
  at: string;
  by_id: string;
  by_name: string;
  source: HistoryEntry['source'];
  changes: string;
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
    updatedAt: row.updated_at,
  };
}

export interface SqliteStoreOptions {
  /** Milliseconds to wait for another process's write lock. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export class SqliteAssessmentStore implements AssessmentStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly stmt: ReturnType<SqliteAssessmentStore['prepare']>;

  /** Opens (creating if needed) the file and applies pending migrations. */
  static open(file: string, options: SqliteStoreOptions = {}): SqliteAssessmentStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db, SQLITE_MIGRATIONS);
      return new SqliteAssessmentStore(db, options);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private constructor(db: Database.Database, options: SqliteStoreOptions) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.stmt = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      all: db.prepare<[string, string, string], StateRow>('SELECT * FROM item_states WHERE tenant_id = ? AND scope = ? AND edition = ?'),
      one: db.prepare<[string, string, string, string], StateRow>('SELECT * FROM item_states WHERE tenant_id = ? AND scope = ? AND edition = ? AND item_id = ?'),
      insert: db.prepare(`INSERT INTO item_states
        (tenant_id, scope, edition, item_id, status, owner, note, target_date, checked_date, version, updated_by_id, updated_by_name, updated_at)
        VALUES (@tenantId, @scope, @edition, @itemId, @status, @owner, @note, @targetDate, @checkedDate, 1, @byId, @byName, @at)`),
      update: db.prepare(`UPDATE item_states SET status = @status, owner = @owner, note = @note, target_date = @targetDate,
        checked_date = @checkedDate, version = version + 1, updated_by_id = @byId, updated_by_name = @byName, updated_at = @at
        WHERE tenant_id = @tenantId AND scope = @scope AND edition = @edition AND item_id = @itemId AND version = @expected`),
      history: db.prepare(`INSERT INTO item_history (tenant_id, scope, edition, item_id, version, at, by_id, by_name, source, changes)
        VALUES (@tenantId, @scope, @edition, @itemId, @version, @at, @byId, @byName, @source, @changes)`),
      historyOf: db.prepare<[string, string, string, string], HistoryRow>(
        'SELECT version, at, by_id, by_name, source, changes FROM item_history WHERE tenant_id = ? AND scope = ? AND edition = ? AND item_id = ? ORDER BY id'),
      saveUrl: db.prepare(`INSERT INTO team_service_urls (tenant_id, team_id, service_url, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (tenant_id, team_id) DO UPDATE SET service_url = excluded.service_url, updated_at = excluded.updated_at`),
      getUrl: db.prepare<[string, string], { service_url: string }>('SELECT service_url FROM team_service_urls WHERE tenant_id = ? AND team_id = ?'),
    };
  }

  async getAssessment(key: ScopeKey): Promise<Map<string, ItemState>> {
    return new Map(this.stmt.all.all(key.tenantId, key.scope, key.edition).map((r) => [r.item_id, toState(r)]));
  }

  async getItemState(key: ScopeKey, itemId: string): Promise<ItemState> {
    return this.readState(key, itemId);
  }

  async getItemStatus(key: ScopeKey, itemId: string): Promise<ItemStatusSummary | undefined> {
    const row = this.stmt.one.get(key.tenantId, key.scope, key.edition, itemId);
    return row ? { status: row.status, owner: row.owner, version: row.version, updatedAt: row.updated_at } : undefined;
  }

  async putItem(key: ScopeKey, itemId: string, change: ItemChange, expectedVersion: number, actor: Actor): Promise<PutResult> {
    const run = this.db.transaction((): PutResult => {
      const current = this.readState(key, itemId);
      if (current.version !== expectedVersion) return { ok: false, current };
      const { next, changes } = applyChange(current, change);
      if (changes.length === 0) return { ok: true, state: current, changed: false };
      return { ok: true, state: this.write(key, itemId, current, next, changes, actor, 'edit'), changed: true };
    });
    return run.immediate();
  }

  async getHistory(key: ScopeKey, itemId: string): Promise<HistoryEntry[]> {
    return this.stmt.historyOf.all(key.tenantId, key.scope, key.edition, itemId).map((r) => ({
      version: r.version,
      at: r.at,
      by: { id: r.by_id, name: r.by_name },
      source: r.source,
      changes: JSON.parse(r.changes) as FieldChange[],
    }));
  }

  async importItems(key: ScopeKey, entries: ImportEntry[], actor: Actor): Promise<ImportCounts> {
    const run = this.db.transaction((): ImportCounts => {
      const counts: ImportCounts = { total: entries.length, created: 0, updated: 0, unchanged: 0 };
      for (const entry of entries) {
        const current = this.readState(key, entry.itemId);
        const { next, changes } = applyChange(current, fullChange(entry.state));
        if (changes.length === 0) {
          counts.unchanged += 1;
          continue;
        }
        this.write(key, entry.itemId, current, next, changes, actor, 'import');
        if (current.version === 0) counts.created += 1;
        else counts.updated += 1;
      }
      return counts;
    });
    return run.immediate();
  }

  async saveTeamServiceUrl(tenantId: string, teamId: string, serviceUrl: string): Promise<void> {
    this.stmt.saveUrl.run(tenantId, teamId, serviceUrl, this.now().toISOString());
  }

  async getTeamServiceUrl(tenantId: string, teamId: string): Promise<string | undefined> {
    return this.stmt.getUrl.get(tenantId, teamId)?.service_url;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** The connection's durability settings, as SQLite reports them. */
  durability(): { journalMode: string; synchronous: string } {
    const sync = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync),
    };
  }

  private readState(key: ScopeKey, itemId: string): ItemState {
    const row = this.stmt.one.get(key.tenantId, key.scope, key.edition, itemId);
    return row ? toState(row) : { ...UNCHECKED };
  }

  /** Inside a transaction: the new version of the row plus its history entry. */
  private write(key: ScopeKey, itemId: string, current: ItemState, next: EditableState, changes: FieldChange[],
    actor: Actor, source: HistoryEntry['source']): ItemState {
    const at = this.now().toISOString();
    const params = {
      tenantId: key.tenantId, scope: key.scope, edition: key.edition, itemId, ...next, byId: actor.id, byName: actor.name, at, expected: current.version,
    };
    if (current.version === 0) {
      this.stmt.insert.run(params);
    } else {
      const { changes: rows } = this.stmt.update.run(params);
      // Cannot happen inside BEGIN IMMEDIATE; if it ever does, roll back rather than write history for nothing.
      if (rows !== 1) throw new Error(`item ${itemId} changed under an exclusive transaction`);
    }
    const version = current.version + 1;
    this.stmt.history.run({
      tenantId: key.tenantId, scope: key.scope, edition: key.edition, itemId, version, at, byId: actor.id, byName: actor.name, source, changes: JSON.stringify(changes),
    });
    return { ...next, version, updatedBy: { id: actor.id, name: actor.name }, updatedAt: at };
  }
}

function migrate(db: Database.Database, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // IMMEDIATE: two processes starting on one file apply each migration once.
  db.transaction(() => {
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

/** Applied migration versions (for tests and diagnostics). */
export function sqliteMigrationVersions(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => (r as { version: number }).version);
  } finally {
    db.close();
  }
}
