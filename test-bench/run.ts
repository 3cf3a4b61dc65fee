/**
 * npm run bench: prints figures; asserts nothing. Each part can be skipped
 * with BENCH_ONLY=quality,bot,tab,assessments.
 */
import { loadLibrary } from '../bot/reference/loadLibrary';
import { GOALS, QUESTION_SETS, loadOffTopic, loadQuestions, measureQuality, printQuality } from './searchQuality';
import { measureSearchSpeed } from './searchSpeed';
import { runBotThroughput } from './botThroughput';

async function optional(modulePath: string, fn: string): Promise<void> {
  let mod: Record<string, unknown>;
  try {
    mod = await import(modulePath);
  } catch {
    console.log(`\n(${modulePath}: not present, skipped)`);
    return;
  }
  const run = mod[fn];
  if (typeof run === 'function') await (run as () => Promise<void>)();
}

async function main(): Promise<void> {
  const only = (process.env.BENCH_ONLY ?? 'quality,bot,tab,assessments').split(',');
  const library = loadLibrary(process.env.DATA_DIR || undefined);
  const questions = loadQuestions();
  if (only.includes('quality')) {
    // The unseen sets first: they are what the figures are judged by (the newest, never read while tuning, first of all).
    for (const [set, goals] of [
      ['unseen-b-situations', GOALS.situations], ['unseen-b-vocabulary', GOALS.vocabulary],
      ['unseen-situations', GOALS.situations], ['unseen-vocabulary', GOALS.vocabulary],
      ['situations-dev', GOALS.situations], ['dev', GOALS.vocabulary], ['heldout', GOALS.vocabulary], ['editions', GOALS.vocabulary],
    ] as const) {
      // BENCH_SETS=dev,situations-dev: only those (to work on the tuning sets without reading the unseen ones).
      if (process.env.BENCH_SETS && !process.env.BENCH_SETS.split(',').includes(set)) continue;
      printQuality(await measureQuality(library, loadQuestions(set), loadOffTopic(set)), QUESTION_SETS[set].title, goals, { misses: !process.env.BENCH_QUIET });
    }
    measureSearchSpeed(library, [...questions, ...loadQuestions('situations-dev')].map((q) => q.q));
  }
  if (only.includes('bot')) await runBotThroughput(questions.map((q) => q.q));
  if (only.includes('tab')) await optional('./tab', 'runTabBench');
  if (only.includes('assessments')) await optional('./assessments', 'runAssessmentBench');
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
