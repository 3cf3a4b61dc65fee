/**
 * When the bot presents the best search hit as *the* answer, and when it
 * says it found no good match (offering the closest items instead). This
 * decides what the bot says, not how items rank, so it lives with the
 * conversation.
 */
import type { SearchHit } from '../search/searchIndex';

/** A best retrieval score at or above this can be an answer… */
export const CONFIDENT_SCORE = 20;
/**
 * …when coverage + score / CONFIDENCE_SCORE_SCALE reaches
 * CONFIDENCE_THRESHOLD: a strong score makes up for words the item does not
 * share (「先生をゲストで入れて」), a weak one needs most of the question
 * answered. Chosen on the development questions and off-topic sets
 * (test/eval/questions.json, offtopic.json, offtopic-dev.json): at most 5 %
 * of off-topic questions answered, as many right first answers as possible.
 */
export const CONFIDENCE_SCORE_SCALE = 150;
export const CONFIDENCE_THRESHOLD = 0.8;

/** The hit is a real answer, not just the least bad match. An ID typed in the question always is. */
export function isAnswer(hit: SearchHit | undefined): boolean {
  if (!hit) return false;
  if (hit.exactId) return true;
  return hit.base >= CONFIDENT_SCORE && hit.coverage + hit.base / CONFIDENCE_SCORE_SCALE >= CONFIDENCE_THRESHOLD;
}
