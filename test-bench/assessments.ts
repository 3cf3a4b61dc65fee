/**
 * Assessment store benchmark, over real HTTP against the real app:
 * - 20 concurrent editors doing read-modify-write on overlapping items
 *   (409 → take the current version → retry): acknowledged writes per second
 *   and PUT latency (p50 / p95 / p99), on SQLite and on PostgreSQL;
 * - lost updates: every acknowledged write must appear in its item's
 *   history with its own note, and versions must have no gaps (must be 0);
 * - export time for a full assessment (xlsx, csv, json).
 *
 * Standalone: `npm run bench:assessments`. The bench runner calls
 * runAssessmentBench(). PostgreSQL runs on a throw-away local server
 * (test/helpers/postgres.ts) with fsync on, as in production.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../bot/config';
import { createApp } from '../bot/app';
import { loadLibrary } from '../bot/reference/loadLibrary';
import type { Library } from '../bot/reference/library';
import type { AssessmentStore } from '../bot/assessments/store';
import { SqliteAssessmentStore } from '../bot/assessments/sqliteStore';
import { PostgresAssessmentStore } from '../bot/assessments/postgresStore';
import { startPostgres, TestPostgres } from '../test/helpers/postgres';

const EDITORS = 20;
const WRITES_PER_EDITOR = 60;
/** Editors share this many items, so they really collide. */
const HOT_ITEMS = 30;
const EXPORT_RUNS = 5;

interface Ack {
  itemId: string;
  version: number;
  note: string;
}

interface WriteFigures {
  acked: number;
  attempts: number;
  conflicts: number;
  seconds: number;
  latencies: number[];
  lost: number;
  gaps: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

async function withServer<T>(library: Library, store: AssessmentStore, fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, library, logger: pino({ level: 'silent' }), assessmentStore: store });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${app.server.address().port}`;
  try {
    return await fn(baseUrl);
  } finally {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    await app.close();
  }
}

/**
 * `shared`: every editor picks random items among the first HOT_ITEMS, so
 * they collide (the worst case for optimistic concurrency). `separate`: each
 * editor has items of its own (throughput without conflicts).
 */
async function concurrentEditors(baseUrl: string, library: Library, scope: string, mode: 'shared' | 'separate', writesPerEditor = WRITES_PER_EDITOR): Promise<WriteFigures> {
  const items = library.defaultEdition.items.slice(0, Math.min(HOT_ITEMS, library.defaultEdition.items.length)).map((i) => i.id);
  const own = (editor: number) => library.defaultEdition.items.map((i) => i.id).filter((_id, k) => k % EDITORS === editor);
  const acks: Ack[] = [];
  const latencies: number[] = [];
  let attempts = 0;
  let conflicts = 0;
  const base = `${baseUrl}/api/assessments/${encodeURIComponent(scope)}`;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: EDITORS }, async (_, editor) => {
    const rnd = random(1000 + editor);
    const known = new Map<string, number>();
    for (let n = 0; n < writesPerEditor; n += 1) {
      const pool = mode === 'shared' ? items : own(editor);
      const itemId = pool[Math.floor(rnd() * pool.length)];
      const note = `editor ${editor} write ${n} — 監査ログ確認`;
      for (;;) {
        attempts += 1;
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${base}/items/${itemId}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: n % 2 ? 'done' : 'partial', owner: `editor ${editor}`, note, version: known.get(itemId) ?? 0 }),
        });
        const body = await res.json() as { state?: { version: number }; current?: { version: number } };
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.status === 200 && body.state) {
          known.set(itemId, body.state.version);
          acks.push({ itemId, version: body.state.version, note });
          break;
        }
        if (res.status === 409 && body.current) {
          conflicts += 1;
          known.set(itemId, body.current.version);
          continue;
        }
        throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body)}`);
      }
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  // Lost updates: every acknowledged write is in the history with its own note; no version gaps.
  let lost = 0;
  let gaps = 0;
  for (const itemId of [...new Set(acks.map((a) => a.itemId))]) {
    const res = await fetch(`${base}/items/${itemId}/history`);
    const { history } = await res.json() as { history: Array<{ version: number; changes: Array<{ field: string; after: string | null }> }> };
    const byVersion = new Map(history.map((h) => [h.version, h]));
    history.forEach((h, k) => { if (h.version !== k + 1) gaps += 1; });
    for (const ack of acks.filter((a) => a.itemId === itemId)) {
      const entry = byVersion.get(ack.version);
      if (entry?.changes.find((c) => c.field === 'note')?.after !== ack.note) lost += 1;
    }
    const state = await (await fetch(base)).json() as { items: Record<string, { version: number }> };
    const mine = acks.filter((a) => a.itemId === itemId).length;
    if (mine > 0 && state.items[itemId]?.version !== history.length) gaps += 1;
  }
  return { acked: acks.length, attempts, conflicts, seconds, latencies: latencies.sort((a, b) => a - b), lost, gaps };
}

async function exportTimes(baseUrl: string, library: Library, scope: string): Promise<Array<{ format: string; ms: number; bytes: number }>> {
  const base = `${baseUrl}/api/assessments/${encodeURIComponent(scope)}`;
  // A full assessment: every item answered, with owners, dates and a paragraph of notes.
  const items = library.defaultEdition.items.map((item, i) => ({
    id: item.id,
    status: ['done', 'partial', 'not-done', 'not-applicable'][i % 4],
    owner: `情報システム部 担当${i % 7}`,
    note: `${item.id} の設定を Teams 管理センターと Microsoft Purview で確認し、証跡を共有フォルダに保存しました。`.repeat(4),
    targetDate: '2025-09-30',
    checkedDate: '2025-04-01',
  }));
  const imported = await fetch(`${base}/import`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'medsec-reference/assessment', formatVersion: 2, edition: library.defaultEdition.id, items }),
  });
  if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const out: Array<{ format: string; ms: number; bytes: number }> = [];
  for (const format of ['xlsx', 'csv', 'json']) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < EXPORT_RUNS; run += 1) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${base}/export.${format}`);
      bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`export.${format} failed: ${res.status}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out.push({ format, ms: median(times), bytes });
  }
  return out;
}

const f = (n: number) => n.toFixed(1);

function reportWrites(title: string, w: WriteFigures): void {
  console.log(`  ${title}: ${w.acked} acknowledged writes in ${w.seconds.toFixed(2)} s`);
  console.log(`    writes/s (acknowledged):    ${f(w.acked / w.seconds)}`);
  console.log(`    PUT requests/s (incl. 409): ${f(w.attempts / w.seconds)}  (${w.conflicts} version conflicts = ${((100 * w.conflicts) / w.attempts).toFixed(1)} % of PUTs)`);
  console.log(`    PUT latency ms p50/p95/p99: ${f(percentile(w.latencies, 50))} / ${f(percentile(w.latencies, 95))} / ${f(percentile(w.latencies, 99))}`);
  console.log(`    lost updates:               ${w.lost}  (version gaps: ${w.gaps})${w.lost || w.gaps ? '  ← MUST BE 0' : ''}`);
}

function report(kind: string, shared: WriteFigures, separate: WriteFigures, exports: Array<{ format: string; ms: number; bytes: number }>, items: number): void {
  console.log(`\n[assessments] ${kind} — ${EDITORS} concurrent editors over HTTP (load generator in the same Node process)`);
  reportWrites(`separate items (no conflicts)`, separate);
  reportWrites(`${HOT_ITEMS} shared items (read-modify-write, retry on 409)`, shared);
  for (const e of exports) {
    console.log(`  export.${e.format.padEnd(4)} full assessment (${items} items): ${f(e.ms)} ms median of ${EXPORT_RUNS}, ${(e.bytes / 1024).toFixed(0)} KB`);
  }
}

async function benchStore(kind: string, library: Library, open: () => Promise<AssessmentStore>): Promise<{ lost: number; gaps: number }> {
  const store = await open();
  return withServer(library, store, async (baseUrl) => {
    // Warm up (JIT, connections, pool) before measuring.
    await concurrentEditors(baseUrl, library, 'channel:19:bench@thread.tacv2:19:warmup@thread.tacv2', 'separate', 10);
    const separate = await concurrentEditors(baseUrl, library, 'channel:19:bench@thread.tacv2:19:separate@thread.tacv2', 'separate');
    const shared = await concurrentEditors(baseUrl, library, 'channel:19:bench@thread.tacv2:19:shared@thread.tacv2', 'shared');
    const exports = await exportTimes(baseUrl, library, 'channel:19:bench@thread.tacv2:19:export@thread.tacv2');
    report(kind, shared, separate, exports, library.defaultEdition.items.length);
    return { lost: shared.lost + separate.lost, gaps: shared.gaps + separate.gaps };
  });
}

export async function runAssessmentBench(): Promise<void> {
  const dataDir = process.env.DATA_DIR || undefined;
  const library = loadLibrary(dataDir);
  if (library.defaultEdition.items.length === 0) {
    console.log('[assessments] skipped: the dataset has no items (set DATA_DIR to a dataset, e.g. /tmp/skeleton-data)');
    return;
  }
  console.log(`[assessments] ${library.defaultEdition.items.length} reference items; ${os.cpus().length} CPUs; Node ${process.version}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-bench-'));
  const problems: string[] = [];
  try {
    const sqlite = await benchStore('SQLite (WAL, synchronous=FULL)', library, async () => SqliteAssessmentStore.open(path.join(tmp, 'bench.sqlite')));
    if (sqlite.lost || sqlite.gaps) problems.push('SQLite lost updates');

    let pg: TestPostgres | undefined;
    try {
      pg = await startPostgres();
    } catch (err) {
      console.log(`\n[assessments] PostgreSQL skipped: ${(err as Error).message.split('\n')[0]}`);
    }
    if (pg) {
      try {
        const url = await pg.createDatabase('medsec_bench');
        const result = await benchStore('PostgreSQL (local server, fsync on, pool of 10)', library, () => PostgresAssessmentStore.open(url));
        if (result.lost || result.gaps) problems.push('PostgreSQL lost updates');
      } finally {
        await pg.stop();
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Figures only, like the rest of the bench; correctness is asserted by the store contract tests.
  if (problems.length) console.log(`\n[assessments] !!! ${problems.join(', ')} — a correctness bug, see test/assessments/storeContract.ts`);
}

if (require.main === module) {
  runAssessmentBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
