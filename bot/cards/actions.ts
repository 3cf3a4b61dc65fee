/**
 * What a card button sends back to the bot (Action.Submit data): declared
 * once, as a zod schema; builders write it, the conversation parses it.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../contract/locale';

/** Longest question the bot answers (Teams allows far longer messages). */
export const MAX_QUESTION_LENGTH = 1000;

const locale = z.enum(LOCALES as [Locale, ...Locale[]]).optional();

export const CardAction = z.discriminatedUnion('action', [
  /** `id` is an item reference: `6.5-C-6` in the default edition, `v7:sys-14-5` in another. */
  z.object({ action: z.literal('showItem'), id: z.string().max(60), locale }),
  z.object({ action: z.literal('showSection'), section: z.string().max(30), edition: z.string().max(8).optional(), locale }),
  z.object({ action: z.literal('ask'), q: z.string().max(MAX_QUESTION_LENGTH), locale }),
]);
export type CardAction = z.infer<typeof CardAction>;

export function showItem(ref: string, locale: Locale): CardAction {
  return { action: 'showItem', id: ref, locale };
}

export function showSection(section: string, edition: string | undefined, locale: Locale): CardAction {
  return edition ? { action: 'showSection', section, edition, locale } : { action: 'showSection', section, locale };
}

/** Suggestion buttons send the text as if the user had typed it (visible in the chat). */
export function ask(q: string, locale: Locale): CardAction & { msteams: { type: 'messageBack'; text: string; displayText: string } } {
  return { action: 'ask', q, locale, msteams: { type: 'messageBack', text: q, displayText: q } };
}
