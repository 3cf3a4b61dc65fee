/**
 * A one-line card: errors, limits, unknown buttons.
 */
import { compileTemplate, type AdaptiveCard } from './expand';
import noticeTemplate from './templates/notice.json';

const fill = compileTemplate(noticeTemplate);

export function createNoticeCard(text: string): AdaptiveCard {
  return fill({ text });
}
