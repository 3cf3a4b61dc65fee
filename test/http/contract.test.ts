/**
 * The server–tab contract: every JSON route's real answer, parsed with the
 * strict zod schema in contract/api.ts that the tab's types come from. A field
 * the server adds, drops or renames without changing the contract fails here,
 * on the real dataset and on a library of two editions keyed differently.
 */
import type { z } from 'zod';
import {
  AssessmentResponse, ChecklistsResponse, ClientConfig, ConflictResponse, DocumentsResponse, EditionsResponse, ErrorResponse, HealthResponse,
  HistoryResponse, ImportResponse, ItemView, ItemsResponse, PutItemResponse, SearchResponse, SectionsResponse,
} from '../../contract/api';
import { AssessmentDocument } from '../../contract/assessment';
import { loadLibrary } from '../../bot/reference/loadLibrary';
import { startTestServer, RunningServer } from '../helpers/testServer';
import { TEST_GRAMMARS, TWO_EDITIONS } from '../helpers/twoEditions';

async function getJson(srv: RunningServer, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${srv.baseUrl}${path}`, init);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: await res.json() };
}

/** Parses strictly; on failure the message names the path and the offending field. */
function conforms<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${where} does not match the contract:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

describe.each([
  ['the real dataset', () => ({})],
  ['two editions (v5 and a volume-numbered v9)', () => ({ library: loadLibrary(TWO_EDITIONS, { grammars: TEST_GRAMMARS }) })],
])('every /api route answers in the contract\'s shape: %s', (_name, deps) => {
  let srv: RunningServer;
  beforeAll(async () => { srv = await startTestServer({}, deps()); });
  afterAll(async () => { await srv.stop(); });

  it('reference routes, for every edition', async () => {
    conforms(HealthResponse, (await getJson(srv, '/api/health')).body, '/api/health');
    conforms(ClientConfig, (await getJson(srv, '/api/client-config')).body, '/api/client-config');
    conforms(DocumentsResponse, (await getJson(srv, '/api/documents')).body, '/api/documents');
    conforms(ChecklistsResponse, (await getJson(srv, '/api/checklists')).body, '/api/checklists');
    const editions = conforms(EditionsResponse, (await getJson(srv, '/api/editions')).body, '/api/editions');
    expect(editions.editions.length).toBeGreaterThanOrEqual(1);
    for (const e of editions.editions) {
      const items = conforms(ItemsResponse, (await getJson(srv, `/api/items?edition=${e.id}`)).body, `/api/items?edition=${e.id}`);
      expect(items.count).toBe(e.itemCount);
      conforms(SectionsResponse, (await getJson(srv, `/api/sections?edition=${e.id}`)).body, `/api/sections?edition=${e.id}`);
      const one = items.items[0];
      const item = conforms(ItemView, (await getJson(srv, `/api/items/${encodeURIComponent(one.ref)}`)).body, `/api/items/${one.ref}`);
      expect(item).toEqual(one);
      const words = one.title.ja;
      const search = conforms(SearchResponse, (await getJson(srv, `/api/search?edition=${e.id}&q=${encodeURIComponent(words)}`)).body, '/api/search');
      expect(search.edition).toBe(e.id);
    }
  });

  it('assessment routes: read, save, conflict, history, export, import', async () => {
    const editions = conforms(EditionsResponse, (await getJson(srv, '/api/editions')).body, '/api/editions');
    for (const e of editions.editions) {
      const base = `/api/assessments/personal`;
      const q = `?edition=${e.id}`;
      const items = conforms(ItemsResponse, (await getJson(srv, `/api/items${q}`)).body, 'items');
      const ref = items.items[0].ref;
      conforms(AssessmentResponse, (await getJson(srv, `${base}${q}`)).body, `${base}${q}`);
      const put = (body: unknown) => getJson(srv, `${base}/items/${encodeURIComponent(ref)}`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const saved = await put({ status: 'partial', note: 'contract', version: 0 });
      expect(saved.status).toBe(200);
      conforms(PutItemResponse, saved.body, 'PUT item');
      const conflict = await put({ status: 'done', version: 0 });
      expect(conflict.status).toBe(409);
      conforms(ConflictResponse, conflict.body, 'PUT item (409)');
      const invalid = await put({ status: 'maybe', version: 1 });
      expect(invalid.status).toBe(400);
      conforms(ErrorResponse, invalid.body, 'PUT item (400)');
      conforms(HistoryResponse, (await getJson(srv, `${base}/items/${encodeURIComponent(ref)}/history`)).body, 'history');
      const exported = conforms(AssessmentDocument, (await getJson(srv, `${base}/export.json${q}`)).body, 'export.json');
      const imported = await getJson(srv, `${base}/import${q}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(exported),
      });
      expect(imported.status).toBe(200);
      conforms(ImportResponse, imported.body, 'import');
    }
  });

  it('errors: unknown route, unknown item, unknown edition', async () => {
    for (const path of ['/api/nothing-here', '/api/items/9.9-C-99', '/api/items?edition=v99']) {
      const { status, body } = await getJson(srv, path);
      expect(status).toBeGreaterThanOrEqual(400);
      conforms(ErrorResponse, body, path);
    }
  });
});
