/**
 * The tab's address lives in the URL hash, so a link opens the same view from
 * any host path (Teams frames the tab at whatever URL the manifest names):
 *   #/                         the checklist
 *   #/?section=6.5&level=C&conformity=conformable&topic=access-log&q=ログ&view=chapter-6
 *   #/items/6.5-C-6[?filters]  the checklist with that item open
 *   #/items/v7:sys-14-5        another edition's item (the edition joins the filters)
 *   #/?edition=v7              that edition's checklist
 *   #/inspection               the 立入検査 checklist
 *   #/config                   the channel tab's configuration page
 * Pure functions: parse and print, nothing else.
 */
import { GRAMMARS } from '../../../contract/itemIds';
import { CONFORMITIES, type Conformity, type Level } from '../data/model';
import { isStatus, type AssessmentStatus } from '../data/assessmentModel';

/** The scope a channel tab was configured with. */
export type View = 'all' | 'conformable' | `chapter-${string}`;

export interface Filters {
  /** The edition shown (`v7`); absent: the default edition. Not a filter: clearing filters keeps it. */
  edition?: string;
  section?: string;
  level?: Level;
  conformity?: Conformity;
  topic?: string;
  q?: string;
  view?: View;
  /** Self-assessment filters: status, owner, the user's own items, overdue ones. */
  status?: AssessmentStatus;
  owner?: string;
  mine?: '1';
  overdue?: '1';
}

export type Route =
  | { page: 'checklist'; filters: Filters; itemId?: string }
  | { page: 'inspection'; filters: Filters }
  | { page: 'config' };

const FILTER_KEYS = ['edition', 'view', 'section', 'level', 'conformity', 'topic', 'q', 'status', 'owner', 'mine', 'overdue'] as const;

export function parseView(raw: string | null | undefined): View | undefined {
  if (raw === 'all' || raw === 'conformable') return raw;
  if (raw && /^chapter-\d{1,2}$/.test(raw)) return raw as View;
  return undefined;
}

export function chapterOfView(view: View | undefined): string | undefined {
  return view?.startsWith('chapter-') ? view.slice('chapter-'.length) : undefined;
}

export function parseFilters(params: URLSearchParams): Filters {
  const f: Filters = {};
  const edition = params.get('edition')?.trim();
  if (edition && /^v\d{1,2}$/.test(edition)) f.edition = edition;
  const section = params.get('section')?.trim();
  if (section && (/^\d+(?:\.\d+)*$/.test(section) || /^[a-z]+-[a-z0-9.]+$/.test(section))) f.section = section;
  const level = params.get('level')?.toUpperCase();
  if (level === 'C' || level === 'D') f.level = level;
  const conformity = params.get('conformity');
  if ((CONFORMITIES as readonly string[]).includes(conformity ?? '')) f.conformity = conformity as Conformity;
  const topic = params.get('topic')?.trim();
  if (topic && /^[a-z][a-z0-9-]*$/.test(topic)) f.topic = topic;
  const q = params.get('q');
  if (q && q.trim()) f.q = q.slice(0, 200);
  const view = parseView(params.get('view'));
  if (view && view !== 'all') f.view = view;
  const status = params.get('status');
  if (isStatus(status)) f.status = status;
  const owner = params.get('owner')?.trim();
  if (owner) f.owner = owner.slice(0, 100);
  if (params.get('mine') === '1') f.mine = '1';
  if (params.get('overdue') === '1') f.overdue = '1';
  return f;
}

/**
 * The item reference a link carries, canonical: `6.5-C-6` as it is,
 * `6.5%20C-6` / `6.5 C-6` through the ID grammars, `v7:…` kept with its edition.
 */
export function canonicalItemId(raw: string): string | undefined {
  let text = raw;
  try { text = decodeURIComponent(raw); } catch { /* keep raw */ }
  const m = /^(v\d{1,2}:)?(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const [, prefix = '', rest] = m;
  const grammars = Object.values(GRAMMARS);
  if (grammars.some((g) => g.pattern.test(rest))) return `${prefix}${rest}`;
  for (const g of grammars) {
    const [id] = g.find(rest);
    if (id) return `${prefix}${id}`;
  }
  return undefined;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const qIndex = h.indexOf('?');
  const path = (qIndex >= 0 ? h.slice(0, qIndex) : h).replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(qIndex >= 0 ? h.slice(qIndex + 1) : '');
  if (path === '/config') return { page: 'config' };
  const m = /^\/items\/(.+)$/.exec(path);
  const filters = parseFilters(params);
  if (path === '/inspection') return { page: 'inspection', filters };
  if (m) {
    const ref = canonicalItemId(m[1]);
    if (!ref) return { page: 'checklist', filters };
    // `v7:sys-14-5` opens that edition; a plain ID, the edition in the address (or the default).
    const prefixed = /^(v\d{1,2}):(.+)$/.exec(ref);
    return prefixed ? { page: 'checklist', filters: { ...filters, edition: prefixed[1] }, itemId: prefixed[2] } : { page: 'checklist', filters, itemId: ref };
  }
  return { page: 'checklist', filters };
}

export function filtersToQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function routeToHash(route: Route): string {
  if (route.page === 'config') return '#/config';
  const query = filtersToQuery(route.filters);
  if (route.page === 'inspection') return `#/inspection${query}`;
  return route.itemId ? `#/items/${route.itemId}${query}` : `#/${query}`;
}

export function hasFilters(filters: Filters): boolean {
  return Boolean(filters.section || filters.level || filters.conformity || filters.topic || filters.q
    || filters.status || filters.owner || filters.mine || filters.overdue);
}

/**
 * The manifest's personal tab URL carries Teams' `{locale}` (`#/?locale=ja-jp`):
 * a language hint for when the Teams context is not available.
 */
export function localeHint(hash: string): string | undefined {
  const qIndex = hash.indexOf('?');
  if (qIndex < 0) return undefined;
  const raw = new URLSearchParams(hash.slice(qIndex + 1)).get('locale');
  return raw && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(raw) ? raw : undefined;
}
