/**
 * What an auditor receives: the Excel workbook and CSV, read back the way
 * Excel would (exceljs, byte checks), and the JSON export → import round trip.
 */
import ExcelJS from 'exceljs';
import { startTestServer, RunningServer, testEdition } from '../helpers/testServer';
import { V5_GRAMMAR } from '../../contract/itemIds';
import { EXPORT_LABELS } from '../../bot/assessments/labels';
import { COLUMN_KEYS } from '../../bot/assessments/exportRows';
import { MAX_BODY_BYTES } from '../../bot/server';

let srv: RunningServer;
beforeAll(async () => { srv = await startTestServer(); });
afterAll(async () => { await srv.stop(); });

const reference = testEdition();
const ja = EXPORT_LABELS.ja;
const JA_HEADERS = COLUMN_KEYS.map((k) => ja.columns[k]);
const CHANNEL = `channel:19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2:19:0f3c9e2a6b7d4e1f8a9b0c1d2e3f4a5b@thread.tacv2`;
const chapterOf = (section: string) => reference.sectionById.get(section)!.chapter;

// Items from different chapters, C and D levels where the reference has them.
const byChapter = [...new Set(reference.items.map((i) => chapterOf(i.section)))];
const first = reference.items[0];
const lastChapterItem = reference.items.filter((i) => chapterOf(i.section) === byChapter[byChapter.length - 1])[0];
const tricky = reference.items[2];
const NOTE_TRICKY = '設定は「監査ログ」, 保存 "180日"\n担当: 情シス';
const NOTE_FORMULA = '=HYPERLINK("http://example.com","x")';

async function put(scope: string, id: string, body: Record<string, unknown>) {
  const res = await fetch(`${srv.baseUrl}/api/assessments/${encodeURIComponent(scope)}/items/${id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()).state;
}

async function download(path: string) {
  const res = await fetch(`${srv.baseUrl}${path}`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  await put('personal', first.id, { status: 'done', owner: '情報システム部 田中', note: 'Purview で監査ログを確認', targetDate: '2025-06-30', checkedDate: '2025-04-01', version: 0 });
  await put('personal', lastChapterItem.id, { status: 'not-applicable', note: '当院では該当なし', version: 0 });
  await put('personal', tricky.id, { status: 'partial', owner: NOTE_FORMULA, note: NOTE_TRICKY, version: 0 });
});

/** RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('the Excel export', () => {
  let wb: ExcelJS.Workbook;
  let res: Response;
  beforeAll(async () => {
    const d = await download('/api/assessments/personal/export.xlsx');
    res = d.res;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.bytes as unknown as ArrayBuffer);
  });

  it('downloads as an .xlsx attachment that is not cached', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="assessment-personal-v5-\d{8}\.xlsx"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('has a summary sheet, then one sheet per chapter in guideline order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([ja.summary.sheet, ...byChapter.map(ja.chapterSheet)]);
  });

  it('lays out each chapter like the 2020 reference plus the self-check columns, with a frozen, filterable header', () => {
    for (const chapter of byChapter) {
      const ws = wb.getWorksheet(ja.chapterSheet(chapter))!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(JA_HEADERS);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      const items = reference.items.filter((i) => chapterOf(i.section) === chapter);
      expect(ws.actualRowCount).toBe(items.length + 1);
      expect(ws.getColumn(1).values.slice(2)).toEqual(items.map((i) => V5_GRAMMAR.display(i.id)));
    }
  });

  it('keeps the Japanese reference text and the hospital\'s answers intact', () => {
    const ws = wb.getWorksheet(ja.chapterSheet(chapterOf(first.section)))!;
    const row = ws.getRow(2);
    const cell = (key: typeof COLUMN_KEYS[number]) => row.getCell(COLUMN_KEYS.indexOf(key) + 1).value;
    expect(cell('id')).toBe(V5_GRAMMAR.display(first.id));
    expect(cell('level')).toBe(ja.level[first.level!]);
    expect(cell('requirement')).toBe(first.requirement.ja);
    expect(cell('conformity')).toBe(ja.conformity[first.conformity!]);
    expect(cell('teams')).toBe(first.teams!.ja);
    expect(cell('documents')).toBe(first.documents.map((n) => `文書${n}`).join('、'));
    expect(cell('actions')).toBe(first.actions!.map((a) => `・${a.ja}`).join('\n'));
    expect(cell('status')).toBe('対応済');
    expect(cell('owner')).toBe('情報システム部 田中');
    expect(cell('note')).toBe('Purview で監査ログを確認');
    // Real dates, so Excel can sort and filter them.
    expect(cell('targetDate')).toEqual(new Date('2025-06-30T00:00:00Z'));
    expect(cell('checkedDate')).toEqual(new Date('2025-04-01T00:00:00Z'));
    expect(cell('updatedBy')).toBe('local-user');
    expect(String(cell('updatedAt'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} JST$/);
    // Spreadsheet-like text stays text.
    const trickyRow = ws.getRow(reference.items.filter((i) => chapterOf(i.section) === chapterOf(first.section)).indexOf(tricky) + 2);
    expect(trickyRow.getCell(COLUMN_KEYS.indexOf('owner') + 1).value).toBe(NOTE_FORMULA);
    expect(trickyRow.getCell(COLUMN_KEYS.indexOf('note') + 1).value).toBe(NOTE_TRICKY);
  });

  it('counts every status per section and overall on the summary sheet', () => {
    const ws = wb.getWorksheet(ja.summary.sheet)!;
    const header = ws.getRow(7);
    expect((header.values as unknown[]).slice(1)).toEqual([ja.summary.section, ja.summary.sectionTitle, ja.summary.items, '未着手', '対応済', '一部対応', '未対応', '該当なし']);
    let totalRow: ExcelJS.Row | undefined;
    ws.eachRow((r) => { if (r.getCell(1).value === ja.summary.total) totalRow = r; });
    expect((totalRow!.values as unknown[]).slice(3)).toEqual([reference.items.length, reference.items.length - 3, 1, 1, 0, 1]);
    const sections = [...new Set(reference.items.map((i) => i.section))];
    const sectionRows: unknown[] = [];
    ws.eachRow((r, n) => { if (n > 7 && r.getCell(1).value !== ja.summary.total) sectionRows.push(r.getCell(1).value); });
    expect(sectionRows).toEqual(sections);
  });

  it('speaks English when asked', async () => {
    const d = await download('/api/assessments/personal/export.xlsx?locale=en');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(d.bytes as unknown as ArrayBuffer);
    expect(en.worksheets[0].name).toBe('Summary');
    expect((en.worksheets[1].getRow(1).values as unknown[]).slice(1)).toEqual(COLUMN_KEYS.map((k) => EXPORT_LABELS.en.columns[k]));
    expect(en.worksheets[1].getRow(2).getCell(3).value).toBe(first.requirement.en);
  });
});

describe('the CSV export', () => {
  let bytes: Buffer;
  let res: Response;
  beforeAll(async () => { ({ res, bytes } = await download('/api/assessments/personal/export.csv')); });

  it('is UTF-8 with a byte-order mark, so Excel opens the Japanese correctly', () => {
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith('ID,区分,要求事項（要約）,Teams での適合性,適合性の理由,Teams・Microsoft 365 での対応,参照した公開文書,医療機関・SI 事業者が行う対応,対応状況,担当者,対応期限,確認日,メモ')).toBe(true);
  });

  it('ends every record with CRLF and quotes commas, quotes and line breaks', () => {
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(JA_HEADERS);
    expect(rows).toHaveLength(reference.items.length + 1);
    for (const r of rows) expect(r).toHaveLength(JA_HEADERS.length);
    const trickyRow = rows.find((r) => r[0] === V5_GRAMMAR.display(tricky.id))!;
    expect(trickyRow[COLUMN_KEYS.indexOf('note')]).toBe(NOTE_TRICKY.replace('\n', '\r\n'));
    // A formula-like cell is neutralised, not executed by Excel.
    expect(trickyRow[COLUMN_KEYS.indexOf('owner')]).toBe(`'${NOTE_FORMULA}`);
    const firstRow = rows.find((r) => r[0] === V5_GRAMMAR.display(first.id))!;
    expect(firstRow[COLUMN_KEYS.indexOf('requirement')]).toBe(first.requirement.ja);
    expect(firstRow[COLUMN_KEYS.indexOf('status')]).toBe('対応済');
    expect(firstRow[COLUMN_KEYS.indexOf('targetDate')]).toBe('2025-06-30');
  });
});

describe('export to JSON and import', () => {
  async function exportJson(scope: string) {
    const res = await fetch(`${srv.baseUrl}/api/assessments/${encodeURIComponent(scope)}/export.json`);
    expect(res.status).toBe(200);
    return res.json();
  }
  async function importJson(scope: string, body: unknown) {
    const res = await fetch(`${srv.baseUrl}/api/assessments/${encodeURIComponent(scope)}/import`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }
  async function states(scope: string) {
    const res = await fetch(`${srv.baseUrl}/api/assessments/${encodeURIComponent(scope)}`);
    return (await res.json()).items as Record<string, Record<string, unknown>>;
  }
  const fields = (s: Record<string, unknown>) => ({ status: s.status, owner: s.owner, note: s.note, targetDate: s.targetDate, checkedDate: s.checkedDate });

  it('lists every reference item, untouched ones as unchecked', async () => {
    const doc = await exportJson('personal');
    expect(doc).toMatchObject({ format: 'medsec-reference/assessment', formatVersion: 2, edition: 'v5', scope: 'personal', exportedBy: 'local-user' });
    expect(doc.items.map((i: { id: string }) => i.id)).toEqual(reference.items.map((i) => i.id));
    expect(doc.items.find((i: { id: string }) => i.id === reference.items[5].id)).toMatchObject({ status: 'unchecked', version: 0 });
  });

  it('restores an exported assessment into another scope, and reports what it did', async () => {
    const doc = await exportJson('personal');
    const r = await importJson(CHANNEL, doc);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ scope: CHANNEL, edition: 'v5', imported: { total: reference.items.length, created: 3, updated: 0, unchanged: reference.items.length - 3 } });
    const [mine, theirs] = [await states('personal'), await states(CHANNEL)];
    expect(Object.keys(theirs).sort()).toEqual(Object.keys(mine).sort());
    for (const id of Object.keys(mine)) expect(fields(theirs[id])).toEqual(fields(mine[id]));
    const history = await (await fetch(`${srv.baseUrl}/api/assessments/${encodeURIComponent(CHANNEL)}/items/${first.id}/history`)).json();
    expect(history.history).toMatchObject([{ source: 'import', version: 1 }]);
    // Importing the same file again changes nothing.
    expect((await importJson(CHANNEL, doc)).body.imported).toMatchObject({ created: 0, updated: 0, unchanged: reference.items.length });
  });

  it('puts an assessment back the way the file shows it (a restore)', async () => {
    const backup = await exportJson(CHANNEL);
    const current = await states(CHANNEL);
    await put(CHANNEL, first.id, { status: 'not-done', note: 'changed after the backup', version: current[first.id].version });
    await put(CHANNEL, reference.items[7].id, { status: 'done', version: 0 });
    const r = await importJson(CHANNEL, backup);
    expect(r.body.imported).toMatchObject({ updated: 2, created: 0 });
    const restored = await states(CHANNEL);
    expect(fields(restored[first.id])).toEqual(fields(backup.items.find((i: { id: string }) => i.id === first.id)));
    expect(restored[reference.items[7].id]).toMatchObject({ status: 'unchecked', version: 2 });
  });

  it('still reads a file exported before editions (formatVersion 1) as the 5th edition\'s', async () => {
    const item = reference.items[9];
    const r = await importJson('personal', { format: 'medsec-reference/assessment', formatVersion: 1, items: [{ id: item.id, status: 'partial', owner: '旧形式' }] });
    expect(r.status).toBe(200);
    expect(r.body.edition).toBe('v5');
    expect((await states('personal'))[item.id]).toMatchObject({ status: 'partial', owner: '旧形式' });
  });

  it.each([
    ['a file of another kind', { hello: 'world' }, 'invalid_body'],
    ['a newer format version', { format: 'medsec-reference/assessment', formatVersion: 3, edition: 'v5', items: [] }, 'invalid_body'],
    ['format 2 without its edition', { format: 'medsec-reference/assessment', formatVersion: 2, items: [] }, 'invalid_body'],
    ['an edition this server does not have', { format: 'medsec-reference/assessment', formatVersion: 2, edition: 'v9', items: [] }, 'unknown_edition'],
    ['an item the reference does not have', { format: 'medsec-reference/assessment', formatVersion: 1, items: [{ id: reference.items[4].id, status: 'done' }, { id: '6.99-C-1', status: 'done' }] }, 'unknown_items'],
    ['an item listed twice', { format: 'medsec-reference/assessment', formatVersion: 1, items: [{ id: reference.items[4].id, status: 'done' }, { id: reference.items[4].id, status: 'partial' }] }, 'duplicate_items'],
    ['an invalid date', { format: 'medsec-reference/assessment', formatVersion: 1, items: [{ id: reference.items[4].id, status: 'done', targetDate: '2025-13-01' }] }, 'invalid_body'],
    ['broken JSON', '{"format": "medsec-reference/assessment", "items": [', undefined],
  ])('refuses %s and imports nothing', async (_what, body, code) => {
    const before = await states('personal');
    const r = await importJson('personal', body);
    expect(r.status).toBe(400);
    if (code) expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toBeTruthy();
    expect(await states('personal')).toEqual(before);
  });

  it('takes a full assessment with long Japanese notes (over the default body limit)', async () => {
    const items = reference.items.map((i) => ({ id: i.id, status: 'partial', owner: '担当'.repeat(50), note: 'メモ'.repeat(1000) }));
    const body = JSON.stringify({ format: 'medsec-reference/assessment', formatVersion: 1, items });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);
    const r = await importJson('channel:team-big:channel-big', body);
    expect(r.status).toBe(200);
    expect(r.body.imported.created).toBe(reference.items.length);
  });

  it('refuses a body over the import limit with a JSON 413', async () => {
    const r = await importJson('personal', JSON.stringify({ format: 'x', pad: 'x'.repeat(5 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });

  it('keeps the default body limit everywhere else', async () => {
    const res = await fetch(`${srv.baseUrl}/api/assessments/personal/items/${first.id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'done', version: 1, pad: 'x'.repeat(MAX_BODY_BYTES + 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toContain(`${MAX_BODY_BYTES / 1024} KB`);
  });
});

describe('the assessment in the 立入検査 checklist\'s layout', () => {
  it('answers はい when every 第5版 item behind a row is settled, いいえ when one is open, blank when untouched, with dates', async () => {
    const put = (id: string, body: object) => fetch(`${srv.baseUrl}/api/assessments/personal/items/${id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    // 2-10 (二要素認証) ← 6.5-D-5; 2-11 (アクセスログ) ← 6.5-C-6 and 6.5-C-7.
    for (const [id, body] of [
      ['6.5-D-5', { status: 'done', checkedDate: '2026-11-30', version: 0 }],
      ['6.5-C-6', { status: 'done', checkedDate: '2026-11-01', version: 0 }],
      ['6.5-C-7', { status: 'partial', targetDate: '2027-03-31', version: 0 }],
    ] as const) {
      const current = await (await fetch(`${srv.baseUrl}/api/assessments/personal`)).json();
      const res = await put(id, { ...body, version: current.items[id]?.version ?? 0 });
      expect(res.status).toBe(200);
    }
    const res = await fetch(`${srv.baseUrl}/api/assessments/personal/checklist.csv?checklist=r7`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/checklist-r7-personal-\d{8}\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('シート,番号,区分,項目（要約）,回答,確認日,目標日,根拠とした第5版の項目,項目の確認状況');
    const line = (sheet: string, n: string) => lines.find((l) => l.startsWith(`${sheet},${n},`))!;
    expect(line('医療機関確認用', '2-10')).toContain(',はい,2026-11-30,,6.5 D-5,');
    expect(line('医療機関確認用', '2-11')).toContain(',いいえ,2026-11-01,2027-03-31,6.5 C-6、6.5 C-7,');
    expect(line('医療機関確認用', '2-2')).toMatch(/,,,,,手引きで確認$/);
    const missing = await fetch(`${srv.baseUrl}/api/assessments/personal/checklist.csv?checklist=nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('checklist_not_found');
  });
});
