/**
 * The self-assessment API over real HTTP, in local mode (no app
 * registration): one local user, loopback only. Sign-in and team membership
 * are in assessmentAuth.test.ts; exports in assessmentExport.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestServer, RunningServer, testEdition } from '../helpers/testServer';

let srv: RunningServer;
beforeAll(async () => { srv = await startTestServer(); });
afterAll(async () => { await srv.stop(); });

const reference = testEdition();
const [first, second, third] = reference.items;
// Real Teams thread IDs are this long: the scope is over 100 characters.
const CHANNEL = 'channel:19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2:19:0f3c9e2a6b7d4e1f8a9b0c1d2e3f4a5b@thread.tacv2';
const channelPath = `/api/assessments/${encodeURIComponent(CHANNEL)}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${srv.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { res, status: res.status, body: json, text };
}

describe('a self-check in local mode', () => {
  it('starts with every item unchecked and says it is in local mode', async () => {
    const { status, body, res } = await call('GET', '/api/assessments/personal');
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.mode).toBe('local');
    expect(body.scope).toBe('personal');
    expect(body.user).toEqual({ id: 'local-user', name: 'local-user' });
    expect(body.items).toEqual({});
    expect(body.progress.overall.total).toBe(reference.items.length);
    expect(body.progress.overall.counts.unchecked).toBe(reference.items.length);
    const sectionsWithItems = new Set(reference.items.map((i) => i.section));
    expect(body.progress.sections.map((s: { section: string }) => s.section).sort()).toEqual([...sectionsWithItems].sort());
  });

  it('saves a first answer (version 0 → 1) and counts it in its section', async () => {
    const put = await call('PUT', `/api/assessments/personal/items/${first.id}`, {
      status: 'partial', owner: '  情報システム部 田中  ', note: 'Purview の監査ログ設定を確認中', targetDate: '2025-06-30', version: 0,
    });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(first.id);
    expect(put.body.state).toMatchObject({
      status: 'partial', owner: '情報システム部 田中', note: 'Purview の監査ログ設定を確認中', targetDate: '2025-06-30', checkedDate: null,
      version: 1, updatedBy: { id: 'local-user', name: 'local-user' },
    });
    const get = await call('GET', '/api/assessments/personal');
    expect(get.body.items[first.id]).toEqual(put.body.state);
    const section = get.body.progress.sections.find((s: { section: string }) => s.section === first.section);
    expect(section.counts.partial).toBe(1);
    expect(get.body.progress.overall.counts.unchecked).toBe(reference.items.length - 1);
  });

  it('answers a stale version with 409 and the current state, and changes nothing', async () => {
    const a = await call('PUT', `/api/assessments/personal/items/${second.id}`, { status: 'partial', version: 0 });
    expect(a.status).toBe(200);
    const b = await call('PUT', `/api/assessments/personal/items/${second.id}`, { status: 'done', owner: 'Alice', version: 1 });
    expect(b.status).toBe(200);
    // A second editor still holding version 1:
    const stale = await call('PUT', `/api/assessments/personal/items/${second.id}`, { status: 'not-done', owner: 'Bob', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toMatch(/version 2/);
    expect(stale.body.error.details.current).toEqual(b.body.state);
    const get = await call('GET', '/api/assessments/personal');
    expect(get.body.items[second.id]).toEqual(b.body.state);
    // Version 0 for an item that already has a state is stale too.
    expect((await call('PUT', `/api/assessments/personal/items/${second.id}`, { status: 'done', version: 0 })).status).toBe(409);
  });

  it('keeps an item\'s history append-only: earlier entries never change', async () => {
    const path = `/api/assessments/personal/items/${third.id}`;
    await call('PUT', path, { status: 'partial', version: 0 });
    const h1 = await call('GET', `${path}/history`);
    await call('PUT', path, { status: 'done', checkedDate: '2025-04-01', version: 1 });
    await call('PUT', path, { status: 'done', note: '証跡は共有フォルダ', version: 2 });
    const h3 = await call('GET', `${path}/history`);
    expect(h3.status).toBe(200);
    expect(h3.body.id).toBe(third.id);
    expect(h3.body.history).toHaveLength(3);
    expect(h3.body.history[0]).toEqual(h1.body.history[0]);
    expect(h3.body.history.map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    expect(h3.body.history[1].changes).toEqual([
      { field: 'status', before: 'partial', after: 'done' },
      { field: 'checkedDate', before: null, after: '2025-04-01' },
    ]);
    expect(h3.body.history[2].changes).toEqual([{ field: 'note', before: null, after: '証跡は共有フォルダ' }]);
  });

  it('keeps a channel\'s assessment apart from the personal one', async () => {
    const get = await call('GET', channelPath);
    expect(get.status).toBe(200);
    expect(get.body.scope).toBe(CHANNEL);
    expect(get.body.items).toEqual({});
    const put = await call('PUT', `${channelPath}/items/${first.id}`, { status: 'done', version: 0 });
    expect(put.status).toBe(200);
    expect((await call('GET', channelPath)).body.items[first.id].status).toBe('done');
    expect((await call('GET', '/api/assessments/personal')).body.items[first.id].status).toBe('partial');
  });

  it('refuses unknown items with 404', async () => {
    const put = await call('PUT', '/api/assessments/personal/items/6.99-C-99', { status: 'done', version: 0 });
    expect(put.status).toBe(404);
    expect(put.body.error.code).toBe('item_not_found');
    expect((await call('GET', '/api/assessments/personal/items/6.99-C-99/history')).status).toBe(404);
    expect((await call('GET', '/api/assessments/personal')).body.items['6.99-C-99']).toBeUndefined();
  });

  it.each([
    ['an unknown status', { status: 'finished', version: 0 }, 'status'],
    ['no version', { status: 'done' }, 'version'],
    ['a negative version', { status: 'done', version: -1 }, 'version'],
    ['a date that does not exist', { status: 'done', targetDate: '2025-02-30', version: 0 }, 'targetDate'],
    ['a date in another format', { status: 'done', checkedDate: '2025/04/01', version: 0 }, 'checkedDate'],
    ['a note that is too long', { status: 'done', note: 'あ'.repeat(2001), version: 0 }, 'note'],
    ['an owner that is too long', { status: 'done', owner: 'x'.repeat(101), version: 0 }, 'owner'],
    ['control characters', { status: 'done', note: 'a\u0000b', version: 0 }, 'note'],
    ['an unknown field', { status: 'done', version: 0, targetdate: '2025-01-01' }, ''],
  ])('refuses a body with %s (400, nothing saved)', async (_what, body, field) => {
    const item = reference.items[5];
    const put = await call('PUT', `/api/assessments/personal/items/${item.id}`, body);
    expect(put.status).toBe(400);
    expect(put.body.error.code).toBe('invalid_body');
    expect(put.body.error.message).toContain(field);
    expect((await call('GET', '/api/assessments/personal')).body.items[item.id]).toBeUndefined();
  });

  it('refuses a body that is not JSON', async () => {
    const item = reference.items[5];
    const text = await call('PUT', `/api/assessments/personal/items/${item.id}`, 'status=done', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('invalid_body');
    const broken = await call('PUT', `/api/assessments/personal/items/${item.id}`, '{"status":', { 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBeDefined();
  });

  it('clears a field set to null and keeps fields that are left out', async () => {
    const item = reference.items[6];
    const path = `/api/assessments/personal/items/${item.id}`;
    await call('PUT', path, { status: 'partial', owner: 'Alice', note: 'memo', version: 0 });
    const r = await call('PUT', path, { status: 'partial', note: null, version: 1 });
    expect(r.body.state).toMatchObject({ owner: 'Alice', note: null, version: 2 });
    const blank = await call('PUT', path, { status: 'partial', owner: '   ', version: 2 });
    expect(blank.body.state).toMatchObject({ owner: null, version: 3 });
  });

  it.each([
    ['a scope of another kind', 'team:abc'],
    ['a channel without a channel ID', 'channel:19:abc@thread.tacv2'],
    ['IDs with spaces', 'channel:19:a b:19:c'],
    ['an overlong ID', `channel:${'x'.repeat(300)}:y`],
    ['a team ID with a colon and a channel without', 'channel:19:a@thread.tacv2:general'],
    ['an empty part', 'channel:19::19:b'],
  ])('refuses %s with 400', async (_what, scope) => {
    const r = await call('GET', `/api/assessments/${encodeURIComponent(scope)}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_scope');
  });
});

describe('local mode and the network', () => {
  // Listen on every interface and come in over a non-loopback address of this machine.
  const external = Object.values(os.networkInterfaces()).flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  let wide: RunningServer;
  beforeAll(async () => { wide = await startTestServer({ HOST: '0.0.0.0' }, { host: '0.0.0.0' }); });
  afterAll(async () => { await wide.stop(); });

  (external ? it : it.skip)('refuses requests that do not come from this machine, whatever the headers say', async () => {
    const port = new URL(wide.baseUrl).port;
    const res = await fetch(`http://${external}:${port}/api/assessments/personal`, {
      headers: { 'X-Forwarded-For': '127.0.0.1', Forwarded: 'for=127.0.0.1', Host: 'localhost' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('local_mode_loopback_only');
    const put = await fetch(`http://${external}:${port}/api/assessments/personal/items/${first.id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '127.0.0.1' }, body: JSON.stringify({ status: 'done', version: 0 }),
    });
    expect(put.status).toBe(403);
    expect(await wide.app.store.getItemStatus({ tenantId: 'local', scope: 'personal:local-user', edition: 'v5' }, first.id)).toBeUndefined();
    // The reference API stays public.
    expect((await fetch(`http://${external}:${port}/api/health`)).status).toBe(200);
  });

  it('answers the same request from loopback', async () => {
    const res = await fetch(`${wide.baseUrl}/api/assessments/personal`);
    expect(res.status).toBe(200);
  });
});

describe('opening the store', () => {
  it('stops start-up with a message naming the setting when the SQLite file cannot be opened', async () => {
    // A regular file where the folder should be.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-blocked-'));
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    try {
      await expect(startTestServer({ ASSESSMENT_DB_PATH: path.join(blocker, 'assessments.sqlite') })).rejects.toThrow(/ASSESSMENT_DB_PATH=.*not-a-folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does the same for an unreachable PostgreSQL, without printing the password', async () => {
    const attempt = startTestServer({ DATABASE_URL: 'postgresql://medsec:s3cret@127.0.0.1:1/medsec' });
    await expect(attempt).rejects.toThrow(/DATABASE_URL → 127\.0\.0\.1:1\/medsec/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

describe('one status per requirement across editions', () => {
  it('shows a later edition\'s row with the status of its 第5版 items until the row gets one of its own', async () => {
    // 第7.0版 シス14⑤ borrows its coverage from 第5版 6.5 D-5 (data/v7, coverageFrom).
    const put = await call('PUT', '/api/assessments/personal/items/6.5-D-5', { status: 'done', version: 0 });
    expect(put.status).toBe(200);
    const v7 = await call('GET', '/api/assessments/personal?edition=v7');
    expect(v7.status).toBe(200);
    expect(v7.body.items['sys-14-5']).toBeUndefined();
    expect(v7.body.derived['sys-14-5']).toEqual({ status: 'done', from: ['6.5-D-5'] });
    expect(v7.body.progress.overall.counts.done).toBeGreaterThanOrEqual(1);
    // Its own state wins once saved.
    const own = await call('PUT', `/api/assessments/personal/items/${encodeURIComponent('v7:sys-14-5')}`, { status: 'partial', version: 0 });
    expect(own.status).toBe(200);
    const again = await call('GET', '/api/assessments/personal?edition=v7');
    expect(again.body.items['sys-14-5'].status).toBe('partial');
    expect(again.body.derived['sys-14-5']).toBeUndefined();
    // The 第5版 state is untouched.
    const v5 = await call('GET', '/api/assessments/personal');
    expect(v5.body.items['6.5-D-5'].status).toBe('done');
  });

  it('exports a later edition in its own structure, saying where a status comes from', async () => {
    await call('PUT', '/api/assessments/personal/items/6.5-C-6', { status: 'not-done', version: 0 });
    const csv = await fetch(`${srv.baseUrl}/api/assessments/personal/export.csv?edition=v7`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('assessment-personal-v7-');
    const text = await csv.text();
    expect(text).toContain('シス17①');
    expect(text).toMatch(/未対応（第5版 6\.5 C-6 から）/);
  });
});
