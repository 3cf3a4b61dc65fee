/**
 * The store contract against a real PostgreSQL server, started for this
 * file on a free loopback port and removed afterwards (no mocks).
 */
import { Client } from 'pg';
import { PostgresAssessmentStore, postgresMigrationVersions } from '../../bot/assessments/postgresStore';
import { POSTGRES_MIGRATIONS } from '../../bot/assessments/migrations';
import { startPostgres, TestPostgres } from '../helpers/postgres';
import { describeAssessmentStore } from './storeContract';
import { startTestServer, testEdition } from '../helpers/testServer';

let pg: TestPostgres;
let url: string;
beforeAll(async () => { pg = await startPostgres(); }, 60000);
afterAll(async () => { await pg?.stop(); });

async function sql<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describeAssessmentStore('PostgreSQL', {
  async open() {
    url = await pg.createDatabase();
    return PostgresAssessmentStore.open(url);
  },
  async reopen() {
    return PostgresAssessmentStore.open(url);
  },
  writerArgs: () => ['postgres', url],
  migrationVersions: () => postgresMigrationVersions(url),
  rewriteHistory: () => sql(async (client) => {
    const result: { update?: Error; remove?: Error; rowsAfter: number } = { rowsAfter: 0 };
    try { await client.query("UPDATE item_history SET by_name = 'someone else'"); } catch (err) { result.update = err as Error; }
    try { await client.query('DELETE FROM item_history'); } catch (err) { result.remove = err as Error; }
    try { await client.query('TRUNCATE item_history'); } catch (err) { result.remove ??= err as Error; }
    result.rowsAfter = Number((await client.query('SELECT count(*) AS n FROM item_history')).rows[0].n);
    return result;
  }),
  integrityOk: () => sql(async (client) => {
    // No torn rows: every state has exactly the history entries up to its version.
    const { rows } = await client.query(`
      SELECT count(*) AS bad FROM item_states s
      WHERE s.version <> (SELECT count(*) FROM item_history h
                          WHERE h.tenant_id = s.tenant_id AND h.scope = s.scope AND h.edition = s.edition AND h.item_id = s.item_id)`);
    return Number(rows[0].bad) === 0;
  }),
});

describe('PostgreSQL start-up', () => {
  it('applies migrations once when several instances start at the same time', async () => {
    const fresh = await pg.createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresAssessmentStore.open(fresh)));
    await Promise.all(stores.map((s) => s.close()));
    expect(await postgresMigrationVersions(fresh)).toEqual([1, 2]);
  });

  it('upgrades a database made before editions: its rows become the 5th edition\'s, history intact and still append-only', async () => {
    url = await pg.createDatabase();
    await sql(async (client) => {
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      await client.query(POSTGRES_MIGRATIONS[0].sql);
      await client.query("INSERT INTO schema_migrations VALUES (1, 'v1', now())");
      await client.query(`INSERT INTO item_states VALUES ('t', 'personal:u', '6.5-C-6', 'done', '田中', NULL, NULL, '2025-04-01', 1, 'u', 'U', now())`);
      await client.query(`INSERT INTO item_history (tenant_id, scope, item_id, version, at, by_id, by_name, source, changes)
        VALUES ('t', 'personal:u', '6.5-C-6', 1, now(), 'u', 'U', 'edit', '[{"field":"status","before":"unchecked","after":"done"}]')`);
    });
    const store = await PostgresAssessmentStore.open(url);
    try {
      const key = { tenantId: 't', scope: 'personal:u', edition: 'v5' };
      expect(await postgresMigrationVersions(url)).toEqual([1, 2]);
      expect(await store.getItemState(key, '6.5-C-6')).toMatchObject({ status: 'done', owner: '田中', version: 1 });
      expect((await store.getHistory(key, '6.5-C-6')).map((h) => h.version)).toEqual([1]);
      expect((await store.getAssessment({ ...key, edition: 'v7' })).size).toBe(0);
      const next = await store.putItem(key, '6.5-C-6', { status: 'partial' }, 1, { id: 'u', name: 'U' });
      expect(next.ok && next.state.version).toBe(2);
      await expect(sql((c) => c.query('DELETE FROM item_history'))).rejects.toThrow(/append-only/);
    } finally {
      await store.close();
    }
  });

  it('explains a server it cannot reach', async () => {
    await expect(PostgresAssessmentStore.open('postgresql://postgres@127.0.0.1:1/none', { pool: { connectionTimeoutMillis: 2000 } }))
      .rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

describe('the assessment API on PostgreSQL (DATABASE_URL)', () => {
  it('saves, refuses a stale version with 409, and exports', async () => {
    const srv = await startTestServer({ DATABASE_URL: await pg.createDatabase() });
    try {
      expect(srv.app.store.kind).toBe('postgres');
      const item = testEdition().items[0];
      const put = (body: unknown) => fetch(`${srv.baseUrl}/api/assessments/personal/items/${item.id}`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const first = await put({ status: 'done', note: 'PostgreSQL に保存', version: 0 });
      expect(first.status).toBe(200);
      const stale = await put({ status: 'partial', version: 0 });
      expect(stale.status).toBe(409);
      expect((await stale.json()).error.details.current).toEqual((await first.json()).state);
      const csv = Buffer.from(await (await fetch(`${srv.baseUrl}/api/assessments/personal/export.csv`)).arrayBuffer());
      expect(csv.toString('utf8')).toContain('PostgreSQL に保存');
    } finally {
      await srv.stop();
    }
  });
});
