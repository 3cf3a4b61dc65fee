/**
 * When the bot presents the best search hit as *the* answer, when it names
 * the best two as equally likely, and when it says it found no good match
 * (offering the closest items instead). This decides what the bot says, not
 * how items rank, so it lives with the conversation.
 *
 * The decision is a small logistic model of "the first hit is right" over
 * features of the ranking (answerModel.json), fitted by
 * `npm run fit:answer-model` on the tuning sets only (test/eval/questions.json,
 * situations-dev.json and the development off-topic questions), never on the
 * held-out or unseen sets.
 */
import type { SearchHit } from '../search/searchIndex';
import model from './answerModel.json';

export type AnswerDecision = 'answer' | 'close-pair' | 'no-match';

/** The model's inputs, in the order of model.features. */
export function answerFeatures(hits: readonly SearchHit[]): number[] {
  const [first, second] = hits;
  if (!first) return [1, 0, 0, 0, 0];
  return [1, Math.log1p(first.base), first.coverage, first.similarity, first.score - (second?.score ?? 0)];
}

/** The model's probability that the first hit answers the question. */
export function answerConfidence(hits: readonly SearchHit[]): number {
  const x = answerFeatures(hits);
  let z = 0;
  for (let i = 0; i < x.length; i += 1) z += model.weights[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * `answer`: present the first hit. `close-pair`: confident that the question
 * is about one of the first two but not which: name both as plainly.
 * `no-match`: say so and offer the closest. An ID typed in the question is
 * always the answer.
 */
export function decideAnswer(hits: readonly SearchHit[], options: { threshold?: number; closeMargin?: number } = {}): AnswerDecision {
  const [first, second] = hits;
  if (!first) return 'no-match';
  if (first.exactId) return 'answer';
  if (answerConfidence(hits) < (options.threshold ?? model.threshold)) return 'no-match';
  return second && first.score - second.score < (options.closeMargin ?? model.closeMargin) ? 'close-pair' : 'answer';
}

/** Whether the bot answers at all (an answer or a close pair). */
export function isAnswer(hits: readonly SearchHit[]): boolean {
  return decideAnswer(hits) !== 'no-match';
}
