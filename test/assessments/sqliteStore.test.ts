/**
 * The store contract against a real SQLite file (WAL, synchronous=FULL).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAssessmentStore, sqliteMigrationVersions } from '../../bot/assessments/sqliteStore';
import { SQLITE_MIGRATIONS } from '../../bot/assessments/migrations';
import { describeAssessmentStore } from './storeContract';

let dir: string;
let file: string;
let counter = 0;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-sqlite-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeAssessmentStore('SQLite', {
  async open() {
    file = path.join(dir, `store-${++counter}`, 'assessments.sqlite');
    return SqliteAssessmentStore.open(file);
  },
  async reopen() {
    return SqliteAssessmentStore.open(file);
  },
  writerArgs: () => ['sqlite', file],
  migrationVersions: async () => sqliteMigrationVersions(file),
  async rewriteHistory() {
    const db = new Database(file);
    const result: { update?: Error; remove?: Error; rowsAfter: number } = { rowsAfter: 0 };
    try {
      try { db.prepare("UPDATE item_history SET by_name = 'someone else'").run(); } catch (err) { result.update = err as Error; }
      try { db.prepare('DELETE FROM item_history').run(); } catch (err) { result.remove = err as Error; }
      result.rowsAfter = (db.prepare('SELECT count(*) AS n FROM item_history').get() as { n: number }).n;
    } finally {
      db.close();
    }
    return result;
  },
  async integrityOk() {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  },
});

describe('the SQLite file', () => {
  it('is in WAL mode with synchronous=FULL and creates its folder', async () => {
    const f = path.join(dir, 'nested', 'deeper', 'a.sqlite');
    const store = SqliteAssessmentStore.open(f);
    try {
      expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
      expect(fs.existsSync(f)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('upgrading an SQLite file made before editions', () => {
  it('keeps every row as the 5th edition\'s, history intact, ids continuing, and history still append-only', async () => {
    const f = path.join(dir, 'v1', 'a.sqlite');
    fs.mkdirSync(path.dirname(f), { recursive: true });
    const old = new Database(f);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    old.exec(SQLITE_MIGRATIONS[0].sql);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01')").run();
    old.prepare(`INSERT INTO item_states VALUES ('t', 'personal:u', '6.5-C-6', 'done', '田中', NULL, NULL, '2025-04-01', 1, 'u', 'U', '2025-04-01T00:00:00.000Z')`).run();
    old.prepare(`INSERT INTO item_history (tenant_id, scope, item_id, version, at, by_id, by_name, source, changes)
      VALUES ('t', 'personal:u', '6.5-C-6', 1, '2025-04-01T00:00:00.000Z', 'u', 'U', 'edit', '[{"field":"status","before":"unchecked","after":"done"}]')`).run();
    old.close();

    const store = SqliteAssessmentStore.open(f);
    try {
      const key = { tenantId: 't', scope: 'personal:u', edition: 'v5' };
      expect(sqliteMigrationVersions(f)).toEqual([1, 2]);
      expect(await store.getItemState(key, '6.5-C-6')).toMatchObject({ status: 'done', owner: '田中', checkedDate: '2025-04-01', version: 1 });
      expect(await store.getHistory(key, '6.5-C-6')).toEqual([
        { version: 1, at: '2025-04-01T00:00:00.000Z', by: { id: 'u', name: 'U' }, source: 'edit', changes: [{ field: 'status', before: 'unchecked', after: 'done' }] },
      ]);
      expect((await store.getAssessment({ ...key, edition: 'v7' })).size).toBe(0);
      const next = await store.putItem(key, '6.5-C-6', { status: 'partial' }, 1, { id: 'u', name: 'U' });
      expect(next.ok && next.state.version).toBe(2);
    } finally {
      await store.close();
    }
    const db = new Database(f);
    try {
      expect(() => db.prepare('DELETE FROM item_history').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT id FROM item_history ORDER BY id').all()).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      db.close();
    }
  });
});
