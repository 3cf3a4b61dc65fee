/**
 * Fits the answer model (bot/conversation/answerModel.json): a logistic
 * regression of "the first hit is the expected item" over the ranking's
 * features (answerPolicy.ts), then the confidence threshold and the
 * close-pair margin. Tuning sets only: test/eval/questions.json,
 * test/eval/situations-dev.json, the development off-topic questions and the
 * near-miss off-topic questions of data/tuning/ —
 * never the held-out or unseen sets, which `npm run bench` reports.
 *
 *   npm run fit:answer-model            # print the fit and write the file
 *   npm run fit:answer-model -- --dry   # print only
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLibrary } from '../../bot/reference/loadLibrary';
import { SearchIndex, type SearchHit } from '../../bot/search/searchIndex';
import { answerFeatures } from '../../bot/conversation/answerPolicy';

const ROOT = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []));
const EVAL = path.join(ROOT, 'test', 'eval');
const OUT = path.join(ROOT, 'bot', 'conversation', 'answerModel.json');

/**
 * Off-topic questions answered, and wrong answers given, at most (shares of
 * each set). The wrong-answer limit sits below the 5 % aim because it is
 * measured on the sets the ranking was tuned on: on questions it has not seen
 * (the first unseen set, 2026-12), the same model gave about 1.6 times the
 * wrong answers it gave here.
 */
const MAX_OFFTOPIC = 0.025;
const MAX_WRONG = 0.03;
/**
 * Two hits this close (in relative score) are always named as a close pair,
 * whatever the fit prefers: the bot should say so when the best two are
 * nearly tied rather than present one of them as the answer.
 */
const MIN_CLOSE_MARGIN = 0.05;

interface Row { x: number[]; right1: boolean; right2: boolean; onTopic: boolean; set: string; top: [SearchHit?, SearchHit?] }

function read<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(EVAL, name), 'utf8')) as T;
}

function fitLogistic(rows: Row[], l2 = 1e-3, steps = 20000, rate = 0.5): number[] {
  const d = rows[0].x.length;
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step += 1) {
    const g = new Array<number>(d).fill(0);
    for (const r of rows) {
      let z = 0;
      for (let i = 0; i < d; i += 1) z += w[i] * r.x[i];
      const err = 1 / (1 + Math.exp(-z)) - (r.right1 ? 1 : 0);
      for (let i = 0; i < d; i += 1) g[i] += err * r.x[i];
    }
    for (let i = 0; i < d; i += 1) w[i] -= rate * (g[i] / rows.length + (i > 0 ? l2 * w[i] : 0));
  }
  return w;
}

function main(): void {
  const library = loadLibrary(path.join(ROOT, 'data'));
  const edition = library.defaultEdition;
  const index = new SearchIndex(edition.items, edition.ids, library.vocabulary);
  const rows: Row[] = [];
  const add = (set: string, q: string, expect: string[]) => {
    const hits = index.search(q, { limit: 3 }).hits;
    rows.push({
      set, x: answerFeatures(hits), onTopic: expect.length > 0, top: [hits[0], hits[1]],
      right1: !!hits[0] && expect.includes(hits[0].item.id),
      right2: hits.slice(0, 2).some((h) => expect.includes(h.item.id)),
    });
  };
  for (const q of read<Array<{ q: string; expect: string[] }>>('questions.json')) add('questions', q.q, q.expect);
  for (const q of read<Array<{ q: string; expect: string[] }>>('situations-dev.json')) add('situations-dev', q.q, q.expect);
  for (const f of ['offtopic.json', 'offtopic-dev.json']) for (const q of read<string[]>(f)) add('offtopic', q, []);
  // Near-miss off-topic questions (hospital work and Teams how-to in the reference's words), written for tuning: data/tuning/.
  const nearMiss = path.join(ROOT, 'data', 'tuning', 'offtopic-nearmiss.json');
  if (fs.existsSync(nearMiss)) for (const q of JSON.parse(fs.readFileSync(nearMiss, 'utf8')) as string[]) add('offtopic', q, []);

  const weights = fitLogistic(rows).map((v) => Math.round(v * 1000) / 1000);
  const p = (r: Row) => 1 / (1 + Math.exp(-r.x.reduce((z, v, i) => z + v * weights[i], 0)));
  const onTopic = rows.filter((r) => r.onTopic);
  const offTopic = rows.filter((r) => !r.onTopic);

  let best: { threshold: number; closeMargin: number; value: number; right: number; pairs: number; wrong: number; off: number } | undefined;
  for (let t = 30; t <= 90; t += 5) {
    for (let m = MIN_CLOSE_MARGIN * 100; m <= 30; m += 2.5) {
      const threshold = t / 100;
      const closeMargin = m / 100;
      let right = 0; let pairs = 0; let wrong = 0;
      for (const r of onTopic) {
        if (p(r) < threshold) continue;
        const pair = r.x[4] < closeMargin;
        if (pair) { pairs += 1; if (!r.right2) wrong += 1; else if (r.right1) right += 0.5; else right += 0.5; }
        else if (r.right1) right += 1;
        else wrong += 1;
      }
      const off = offTopic.filter((r) => p(r) >= threshold).length;
      if (off > MAX_OFFTOPIC * offTopic.length || wrong > MAX_WRONG * onTopic.length) continue;
      if (!best || right > best.value) best = { threshold, closeMargin, value: right, right, pairs, wrong, off };
    }
  }
  if (!best) throw new Error('no threshold meets the limits on the tuning sets');
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log(`features: ${['bias', 'log1p(base)', 'coverage', 'similarity', 'margin'].map((f, i) => `${f} ${weights[i]}`).join(', ')}`);
  console.log(`threshold ${best.threshold}, close-pair margin ${best.closeMargin}`);
  console.log(`tuning sets (${onTopic.length} on-topic): close pairs ${pct(best.pairs, onTopic.length)}, wrong ${pct(best.wrong, onTopic.length)}; off-topic answered ${best.off}/${offTopic.length}`);
  if (process.argv.includes('--dry')) return;
  const model = {
    note: 'Written by npm run fit:answer-model (scripts/search/fitAnswerModel.ts) on test/eval/questions.json, situations-dev.json, the development off-topic questions and data/tuning/offtopic-nearmiss.json; do not edit by hand.',
    features: ['bias', 'log1p(base)', 'coverage', 'similarity', 'margin'],
    weights,
    threshold: best.threshold,
    closeMargin: best.closeMargin,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}

main();
