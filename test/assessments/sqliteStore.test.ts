/**
 * The store contract against a real SQLite file (WAL, synchronous=FULL).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAssessmentStore, sqliteMigrationVersions } from '../../bot/assessments/sqliteStore';
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
