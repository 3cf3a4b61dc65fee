/**
 * Answer quality on our own question set: is the expected item first (top-1)
 * or among the first three (top-3) of the bot's answer?
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Library } from '../bot/reference/library';
import { EditionServices } from '../bot/conversation/editionServices';
import { Conversation } from '../bot/conversation/respond';

export interface EvalQuestion {
  q: string;
  /** Any of these first counts as right. */
  expect: string[];
  locale?: string;
}

export interface QualityReport {
  offTopicTotal: number;
  /** Off-topic questions that got an answer card instead of an honest no-match. */
  offTopicAnswered: string[];
  total: number;
  top1: number;
  top3: number;
  misses: Array<{ q: string; expect: string[]; got: string[]; intent: string }>;
}

/** test/eval/<name>, from the sources (ts-jest) or from dist/ (the bench). */
function evalFile(name: string): string {
  const file = path.resolve(__dirname, '..', '..', 'test', 'eval', name);
  return fs.existsSync(file) ? file : path.resolve(__dirname, '..', 'test', 'eval', name);
}

/**
 * The question sets. "dev" (questions.json) is the one ranking parameters
 * were chosen on; "heldout" (heldout.json) was written separately, by a
 * writer who saw neither the dev set nor the items' askedAs phrasings, and
 * no parameter is chosen on it — it shows whether the figures generalise.
 */
export function loadQuestions(set: 'dev' | 'heldout' = 'dev'): EvalQuestion[] {
  const raw = JSON.parse(fs.readFileSync(evalFile(set === 'dev' ? 'questions.json' : 'heldout.json'), 'utf8')) as EvalQuestion[];
  return raw.filter((q) => Array.isArray(q.expect) && q.expect.length > 0);
}

/** Questions the reference does not answer: "dev" was used to calibrate CONFIDENT_SCORE, "heldout" was not. */
export function loadOffTopic(set: 'dev' | 'heldout' = 'dev'): string[] {
  const names = set === 'dev' ? ['offtopic.json', 'offtopic-dev.json'] : ['offtopic-heldout.json'];
  return names.flatMap((name) => JSON.parse(fs.readFileSync(evalFile(name), 'utf8')) as string[]);
}

export async function measureQuality(library: Library, questions: EvalQuestion[], offTopic: string[] = [], services = new EditionServices(library)): Promise<QualityReport> {
  const conversation = new Conversation({ library, services });
  let top1 = 0;
  let top3 = 0;
  const misses: QualityReport['misses'] = [];
  for (const q of questions) {
    const reply = await conversation.answerText(q.q, q.locale ?? 'ja-JP');
    // A no-match answer shows suggestions, not an answer: it never counts as right.
    const shown = reply.intent === 'no-match' ? [] : reply.itemRefs;
    const first = shown[0];
    const hit1 = first !== undefined && q.expect.includes(first);
    const hit3 = shown.slice(0, 3).some((id) => q.expect.includes(id));
    if (hit1) top1 += 1;
    if (hit3) top3 += 1;
    if (!hit1) misses.push({ q: q.q, expect: q.expect, got: shown.slice(0, 3), intent: reply.intent });
  }
  const offTopicAnswered: string[] = [];
  for (const q of offTopic) {
    const reply = await conversation.answerText(q, 'ja-JP');
    if (reply.intent === 'search') offTopicAnswered.push(`${q} → ${reply.itemRefs[0]}`);
  }
  return { offTopicTotal: offTopic.length, offTopicAnswered, total: questions.length, top1, top3, misses };
}

export function printQuality(report: QualityReport, title = 'Answer quality'): void {
  // Rounded down, so a figure just under a goal never prints as meeting it.
  const pct = (n: number) => `${(Math.floor((1000 * n) / Math.max(1, report.total)) / 10).toFixed(1)} %`;
  console.log(`\n== ${title} (${report.total} questions) ==`);
  console.log(`top-1: ${report.top1}/${report.total} = ${pct(report.top1)}   (goal ≥ 90 %)`);
  console.log(`top-3: ${report.top3}/${report.total} = ${pct(report.top3)}   (goal ≥ 98 %)`);
  console.log(`off-topic questions answered with an item: ${report.offTopicAnswered.length}/${report.offTopicTotal}   (goal 0)`);
  for (const a of report.offTopicAnswered) console.log(`  ${a}`);
  if (report.misses.length) {
    console.log('misses (not first):');
    for (const m of report.misses) console.log(`  ${m.q}  → expected ${m.expect.join('|')}, got ${m.got.join(', ') || '(none)'} [${m.intent}]`);
  }
}
