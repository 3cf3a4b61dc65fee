/**
 * The JSON API over HTTP against the real server.
 */
import { startTestServer, RunningServer, testEdition } from '../helpers/testServer';

let srv: RunningServer;
beforeAll(async () => { srv = await startTestServer(); });
afterAll(async () => { await srv.stop(); });

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${srv.baseUrl}${path}`, init);
  const text = await res.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = text; }
  return { res, body, text };
}

describe('later editions and the 立入検査 checklist', () => {
  it('lists 第5版 as the default and 第6.0版 and 第7.0版 beside it', async () => {
    const { body } = await get('/api/editions');
    expect(body.default).toBe('v5');
    expect(body.editions.map((e: { id: string }) => e.id)).toEqual(['v5', 'v6', 'v7']);
  });

  it('serves a 第7.0版 row by its reference, with the 第5版 items whose coverage answers it and how each link is known', async () => {
    const { res, body } = await get('/api/items/v7:sys-14-5');
    expect(res.status).toBe(200);
    expect(body.displayId).toBe('シス14⑤');
    expect(body.conformity).toBeUndefined();
    expect(body.borrowedCoverage.map((c: { ref: string }) => c.ref)).toContain('6.5-D-5');
    const v6 = body.counterparts.find((c: { ref: string }) => c.ref === 'v6:sys-14-5');
    expect(v6.basis).toBe('subject');
    const v5 = body.counterparts.find((c: { ref: string }) => c.ref === '6.5-D-5');
    expect(v5.via).toBe('v6:sys-14-5');
    expect(body.requirementSource.basis).toBe('v7-quote');
    expect(body.review.ja).toContain('未照合');
  });

  it('lists the checklist rows in our words, with their references and the items that answer them', async () => {
    const { body } = await get('/api/checklists');
    const [r7] = body.checklists;
    expect(r7.fiscalYear).toBe('令和7年度');
    expect(r7.note.ja).toContain('令和8年度版');
    const twoFactor = r7.rows.find((r: { id: string }) => r.id === 'institution-2-10');
    expect(twoFactor.refs).toEqual([expect.objectContaining({ raw: 'sys-14-5', inferred: true, item: expect.objectContaining({ ref: 'v6:sys-14-5', displayId: 'シス14⑤' }) })]);
    expect(twoFactor.answeredBy.map((i: { ref: string }) => i.ref)).toEqual(['6.5-D-5']);
  });
});

describe('the reference API', () => {
  it('reports health with the item count', async () => {
    const { res, body } = await get('/api/health');
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.items).toBe(testEdition().items.length);
  });

  it('serves every item with every field', async () => {
    const { res, body } = await get('/api/items');
    expect(res.status).toBe(200);
    expect(body.count).toBe(testEdition().items.length);
    const first = body.items[0];
    for (const field of ['id', 'displayId', 'section', 'level', 'title', 'requirement', 'conformity', 'teams', 'documents', 'actions', 'confidence']) {
      expect(first).toHaveProperty(field);
    }
  });

  it('serves one item by canonical ID and by the displayed form', async () => {
    const id = testEdition().items[0].id;
    const a = await get(`/api/items/${encodeURIComponent(id)}`);
    expect(a.res.status).toBe(200);
    expect(a.body.id).toBe(id);
    const b = await get(`/api/items/${encodeURIComponent(a.body.displayId)}`);
    expect(b.body.id).toBe(id);
  });

  it('answers an unknown item ID with a JSON 404', async () => {
    const { res, body } = await get('/api/items/99.9-C-1');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('item_not_found');
    expect(body.error.message).toMatch(/99\.9-C-1/);
  });

  it('serves sections with chapter titles and item counts', async () => {
    const { body } = await get('/api/sections');
    const s65 = body.sections.find((s: any) => s.id === '6.5');
    expect(s65.title.ja).toBe('技術的安全対策');
    expect(s65.itemCount).toBe(testEdition().items.filter((i) => i.section === '6.5').length);
    expect(body.chapters.map((c: any) => c.chapter)).toContain('6');
  });

  it('serves the document list numbered from 01', async () => {
    const { body } = await get('/api/documents');
    expect(body.documents[0].number).toBe('01');
    expect(body.count).toBeGreaterThanOrEqual(43);
  });

  it('answers unknown API routes with JSON, not the tab', async () => {
    const { res, body } = await get('/api/nope');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('rejects a malformed JSON body with a JSON 400 and no stack trace', async () => {
    const { res, body, text } = await get('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect([400, 404, 405]).toContain(res.status);
    expect(body.error).toBeDefined();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('sends security headers that let only Teams frame the page', async () => {
    const { res } = await get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('content-security-policy') ?? '';
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1].split(' ') ?? [];
    expect(frameAncestors).toContain("'self'");
    expect(frameAncestors).toContain('https://teams.microsoft.com');
    expect(frameAncestors).not.toContain('*');
    expect(frameAncestors.every((a) => a === "'self'" || /microsoft|office|outlook|cloud\.microsoft/.test(a))).toBe(true);
  });
});

describe('compression', () => {
  let srv2: RunningServer;
  beforeAll(async () => { srv2 = await startTestServer(); });
  afterAll(async () => { await srv2.stop(); });

  it('gzips the item list for clients that accept it, and the JSON stays intact', async () => {
    const res = await fetch(`${srv2.baseUrl}/api/items`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = await res.json();
    expect(body.count).toBe(testEdition().items.length);
  });
});

describe('GET /api/search', () => {
  let srv3: RunningServer;
  beforeAll(async () => { srv3 = await startTestServer(); });
  afterAll(async () => { await srv3.stop(); });

  it('ranks items for a question, with the items themselves', async () => {
    const res = await fetch(`${srv3.baseUrl}/api/search?q=${encodeURIComponent('アクセスログ')}&locale=ja`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.results[0].id).toBe('6.5-C-6');
    expect(body.results[0].item.requirement.ja).toBeTruthy();
  });

  it('returns only IDs and scores with view=ids', async () => {
    const res = await fetch(`${srv3.baseUrl}/api/search?q=access%20log&view=ids&limit=5`);
    const body = await res.json();
    expect(body.results.length).toBeLessThanOrEqual(5);
    expect(Object.keys(body.results[0]).sort()).toEqual(['id', 'score']);
  });

  it.each([['', 'q is required'], ['x'.repeat(501), 'longer than'], ['x&view=all', 'view']])('refuses a bad query (%#) with a JSON 400', async (q, message) => {
    const [text, extra] = q.split('&');
    const res = await fetch(`${srv3.baseUrl}/api/search?q=${encodeURIComponent(text)}${extra ? `&${extra}` : ''}`);
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.message).toContain(message);
  });
});
