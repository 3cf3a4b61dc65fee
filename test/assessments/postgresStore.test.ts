/**
 * The store contract against a real PostgreSQL server, started for this
 * file on a free loopback port and removed afterwards (no mocks).
 */
import { Client } from 'pg';
import { PostgresAssessmentStore, postgresMigrationVersions } from '../../bot/assessments/postgresStore';
import { startPostgres, TestPostgres } from '../helpers/postgres';
import { describeAssessmentStore } from './storeContract';
import { startTestServer, testReference } from '../helpers/testServer';

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
                          WHERE h.tenant_id = s.tenant_id AND h.scope = s.scope AND h.item_id = s.item_id)`);
    return Number(rows[0].bad) === 0;
  }),
});

describe('PostgreSQL start-up', () => {
  it('applies migrations once when several instances start at the same time', async () => {
    const fresh = await pg.createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresAssessmentStore.open(fresh)));
    await Promise.all(stores.map((s) => s.close()));
    expect(await postgresMigrationVersions(fresh)).toEqual([1]);
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
      expect(srv.app.assessments.store.kind).toBe('postgres');
      const item = testReference().items[0];
      const put = (body: unknown) => fetch(`${srv.baseUrl}/api/assessments/personal/items/${item.id}`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const first = await put({ status: 'done', note: 'PostgreSQL に保存', version: 0 });
      expect(first.status).toBe(200);
      const stale = await put({ status: 'partial', version: 0 });
      expect(stale.status).toBe(409);
      expect((await stale.json()).current).toEqual((await first.json()).state);
      const csv = Buffer.from(await (await fetch(`${srv.baseUrl}/api/assessments/personal/export.csv`)).arrayBuffer());
      expect(csv.toString('utf8')).toContain('PostgreSQL に保存');
    } finally {
      await srv.stop();
    }
  });
});
