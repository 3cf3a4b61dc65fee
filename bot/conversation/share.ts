/**
 * Sharing requirement cards where the bot may not be: the message
 * extension's search and link unfurling. Pure, like respond.ts.
 */
import type { Reference } from '../reference/loadReference';
import type { Item } from '../reference/schema';
import type { SearchIndex } from '../search/searchIndex';
import { findItemIds } from '../reference/itemId';

export const MAX_EXTENSION_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 25;

/**
 * What an empty search box shows: the items people ask about most
 * (logs, sign-in, MFA, personal devices, encryption, data location,
 * emergencies, vendors), in that order, where the dataset has them.
 */
export const FREQUENTLY_ASKED = ['6.5-C-6', '6.5-C-1', '6.5-D-5', '6.9-C-10', '6.11-C-5', '8.1.2-C-3', '6.10-C-1', '6.8-C-8', '6.5-C-9', '6.5-C-4'];

export interface ExtensionPage {
  items: Item[];
  total: number;
}

export function searchForExtension(reference: Reference, index: SearchIndex, query: string, skip = 0, count = DEFAULT_PAGE_SIZE): ExtensionPage {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, count));
  const start = Math.max(0, skip);
  const q = query.trim();
  let all: Item[];
  if (!q) {
    all = FREQUENTLY_ASKED.map((id) => reference.itemById.get(id)).filter((i): i is Item => Boolean(i));
  } else {
    const ids = findItemIds(q).filter((id) => reference.itemById.has(id));
    // In a compose box people type fragments ("ログ", "MFA"): keep every hit that scores, not only confident ones.
    const hits = index.search(q, { limit: 100, relativeCutoff: 0.15 }).hits.map((h) => h.item);
    all = [...ids.map((id) => reference.itemById.get(id) as Item), ...hits.filter((i) => !ids.includes(i.id))];
    // A section number alone ("6.5") lists that section.
    if (/^\d{1,2}(\.\d{1,2}){1,2}$/.test(q.normalize('NFKC'))) {
      const section = q.normalize('NFKC');
      const inSection = reference.items.filter((i) => i.section === section);
      all = [...inSection, ...all.filter((i) => !inSection.includes(i))];
    }
  }
  return { items: all.slice(start, start + size), total: all.length };
}

/**
 * The item a pasted link points at, if the link is one of ours:
 * `https://<our host>/#/items/6.5-C-6` (also `/items/6.5-C-6` and `?item=`).
 */
export function itemFromLink(reference: Reference, url: string, allowedHosts: string[]): Item | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (!allowedHosts.map((h) => h.toLowerCase()).includes(parsed.host.toLowerCase())) return undefined;
  const where = `${parsed.pathname}${parsed.hash}`;
  const m = /(?:^|\/)items\/([^/?#&]+)/.exec(where) ?? /[?&]item=([^&#]+)/.exec(`${parsed.search}${parsed.hash}`);
  if (!m) return undefined;
  let raw: string;
  try {
    raw = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  return reference.itemById.get(raw) ?? reference.itemById.get(findItemIds(raw)[0] ?? '');
}
