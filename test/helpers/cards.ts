/**
 * What a card answers, read from the card itself rather than by searching
 * its JSON (an ID anywhere in the JSON is also true when it is only a
 * related item's button).
 */
import type { AdaptiveCard } from '../../bot/cards/expand';
import { V5_GRAMMAR } from '../../contract/itemIds';

/**
 * The item an item card is about, canonical (`6.5-C-6`): its `speak` line
 * starts with the displayed ID and title. Undefined for other cards.
 */
export function answeredItem(card: AdaptiveCard | Record<string, unknown> | undefined): string | undefined {
  const speak = (card as { speak?: unknown } | undefined)?.speak;
  if (typeof speak !== 'string') return undefined;
  const m = /^(v\d{1,2}:)?(\S+\s\S+)/.exec(speak);
  return m ? V5_GRAMMAR.find(m[2])[0] : undefined;
}

/** Every TextBlock text of a card, in order (what a reader sees, hidden parts included). */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'data' && k !== 'selectAction') walk(x);
    }
  };
  walk(card);
  return out;
}
