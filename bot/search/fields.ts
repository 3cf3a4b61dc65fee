/**
 * The fields of an item the index reads, as text. Where a word appears
 * matters: the title and requirement say what an item is about; the ranking
 * options (searchIndex.ts) weigh each field.
 */
import type { Item } from '../../contract/reference';

export const FIELD_NAMES = ['title', 'requirement', 'topics', 'teams', 'actions', 'askedAs'] as const;
export type FieldName = typeof FIELD_NAMES[number];

const TEXT: Record<FieldName, (item: Item) => string> = {
  title: (i) => `${i.title.ja} ${i.title.en}`,
  requirement: (i) => `${i.requirement.ja} ${i.requirement.en}`,
  topics: (i) => i.topics.map((t) => t.replace(/-/g, ' ')).join(' '),
  teams: (i) => (i.teams ? `${i.teams.ja} ${i.teams.en}` : ''),
  actions: (i) => (i.actions ?? []).map((a) => `${a.ja} ${a.en}`).join(' '),
  // How people ask about the item, in their words: bridges everyday and Teams vocabulary to the item.
  askedAs: (i) => phrasingsOf(i).join(' \n '),
};

export function fieldText(item: Item, field: FieldName): string {
  return TEXT[field](item);
}

/** An item's phrasings (askedAs and situations), each searched as a small document of its own too. */
export function phrasingsOf(item: Item): string[] {
  return [...(item.askedAs?.ja ?? []), ...(item.askedAs?.en ?? []), ...(item.situations?.ja ?? []), ...(item.situations?.en ?? [])];
}
