/**
 * Which items the checklist shows, and in what order. Pure: the hooks feed it
 * the reference, the filters from the URL and, when there is a query, the
 * ranking from the server's search.
 */
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
