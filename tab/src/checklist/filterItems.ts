/**
 * Which items the checklist shows, and in what order. Pure: the hooks feed it
 * the reference, the filters from the URL and, when there is a query, the
 * ranking from the server's search (or the local fallback below).
 */
import { findItemIds } from '../../../bot/reference/itemId';
import type { ItemView, ReferenceData } from '../data/model';
import { chapterOfView, type Filters } from '../state/route';

/** Scope and filters, without the text query. */
export function matchesFilters(item: ItemView, filters: Filters, reference: Pick<ReferenceData, 'sectionById'>): boolean {
  if (filters.view === 'conformable' && item.conformity !== 'conformable') return false;
  const chapter = chapterOfView(filters.view);
  if (chapter && reference.sectionById.get(item.section)?.chapter !== chapter) return false;
  if (filters.section && item.section !== filters.section) return false;
  if (filters.level && item.level !== filters.level) return false;
  if (filters.conformity && item.conformity !== filters.conformity) return false;
  if (filters.topic && !item.topics.includes(filters.topic)) return false;
  return true;
}

export interface VisibleItems {
  items: ItemView[];
  /** True when ordered by relevance to a query, not by guideline order. */
  ranked: boolean;
}

/**
 * `ranking` is the ordered list of item IDs for the query (null: no query).
 * Items keep the ranking's order; the filters then narrow it.
 */
export function visibleItems(reference: ReferenceData, filters: Filters, ranking: string[] | null): VisibleItems {
  if (ranking) {
    const items: ItemView[] = [];
    for (const id of ranking) {
      const item = reference.itemById.get(id);
      if (item && matchesFilters(item, filters, reference)) items.push(item);
    }
    return { items, ranked: true };
  }
  return { items: reference.items.filter((i) => matchesFilters(i, filters, reference)), ranked: false };
}

/** Width, case and kana folded, so ｱｸｾｽ, アクセス and あくせす meet. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, ' ');
}

interface IndexedItem {
  id: string;
  fields: Array<{ text: string; weight: number }>;
}

const indexCache = new WeakMap<ItemView[], IndexedItem[]>();

function indexItems(items: ItemView[], topicNames: (slug: string) => string[]): IndexedItem[] {
  const cached = indexCache.get(items);
  if (cached) return cached;
  const indexed = items.map((item) => ({
    id: item.id,
    fields: [
      { text: normalizeText(`${item.displayId} ${item.id}`), weight: 5 },
      { text: normalizeText(`${item.title.ja} ${item.title.en}`), weight: 4 },
      { text: normalizeText(item.topics.flatMap((t) => [t.replace(/-/g, ' '), ...topicNames(t)]).join(' ')), weight: 3 },
      { text: normalizeText(`${item.requirement.ja} ${item.requirement.en}`), weight: 2 },
      { text: normalizeText(`${item.teams.ja} ${item.teams.en} ${item.actions.map((a) => `${a.ja} ${a.en}`).join(' ')}`), weight: 1 },
    ],
  }));
  indexCache.set(items, indexed);
  return indexed;
}

/**
 * The fallback when /api/search is not available: every word of the query
 * must occur somewhere in the item (either language); an item ID in the
 * query puts that item first. Cruder than the server's search (no synonyms),
 * but it keeps the search box useful.
 */
export function localSearch(items: ItemView[], query: string, topicNames: (slug: string) => string[] = () => []): string[] {
  const ids = findItemIds(query);
  const terms = normalizeText(query).split(' ').filter(Boolean);
  const scored: Array<{ id: string; score: number; order: number }> = [];
  indexItems(items, topicNames).forEach((entry, order) => {
    let score = ids.includes(entry.id) ? 100 : 0;
    let all = terms.length > 0;
    for (const term of terms) {
      const hit = entry.fields.reduce((s, f) => (f.text.includes(term) ? s + f.weight : s), 0);
      if (hit === 0) all = false;
      score += hit;
    }
    if (all || ids.includes(entry.id)) scored.push({ id: entry.id, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.id);
}

export interface SectionGroup<T extends { section: string }> {
  section: string;
  items: T[];
}

/** Consecutive items of one section, in the order given. */
export function groupBySection<T extends { section: string }>(items: T[]): SectionGroup<T>[] {
  const groups: SectionGroup<T>[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.section === item.section) last.items.push(item);
    else groups.push({ section: item.section, items: [item] });
  }
  return groups;
}
