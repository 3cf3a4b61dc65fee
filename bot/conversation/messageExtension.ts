/**
 * Sharing requirement cards where the bot may not be: the message
 * extension's search from the compose box and link unfurling. Pure, like
 * respond.ts; the Teams edge turns the results into attachments.
 */
import type { Item } from '../../contract/reference';
import { itemRefInLink } from '../../contract/links';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import type { EditionServices } from './editionServices';

export const MAX_EXTENSION_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 25;

/**
 * What an empty search box shows: the items people ask about most
 * (logs, sign-in, MFA, personal devices, encryption, data location,
 * emergencies, vendors), in that order, where the edition has them.
 */
export const FREQUENTLY_ASKED = ['6.5-C-6', '6.5-C-1', '6.5-D-5', '6.9-C-10', '6.11-C-5', '8.1.2-C-3', '6.10-C-1', '6.8-C-8', '6.5-C-9', '6.5-C-4'];

export interface ComposeQuery {
  text: string;
  skip: number;
  count: number;
}

export interface ExtensionPage {
  /** Each result with its edition: 第5版 items first, then the later editions' rows new since 第5版 that match. */
  results: Array<{ edition: Edition; item: Item }>;
  total: number;
}

export function searchForExtension(library: Library, services: EditionServices, query: ComposeQuery): ExtensionPage {
  const edition = library.defaultEdition;
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, query.count));
  const start = Math.max(0, query.skip);
  const q = query.text.trim();
  let all: Item[];
  if (!q) {
    all = FREQUENTLY_ASKED.map((id) => edition.itemById.get(id)).filter((i): i is Item => Boolean(i));
  } else {
    const named = edition.findItems(q);
    // In a compose box people type fragments ("ログ", "MFA"): keep every hit that scores, not only answers.
    const hits = services.index(edition).search(q, { limit: 100, relativeCutoff: 0.15 }).hits.map((h) => h.item);
    all = [...named, ...hits.filter((i) => !named.includes(i))];
    // A section number alone ("6.5") lists that section.
    const section = q.normalize('NFKC');
    if (edition.ids.sectionPattern.test(section)) {
      const inSection = edition.itemsInSection(section);
      all = [...inSection, ...all.filter((i) => !inSection.includes(i))];
    }
  }
  const results = [...all.map((item) => ({ edition, item })), ...(q ? services.newRules().list(q) : [])];
  return { results: results.slice(start, start + size), total: results.length };
}

/**
 * The item a pasted link points at, if the link is one of ours:
 * `https://<our host>/#/items/6.5-C-6` (also `/items/6.5-C-6`, `?item=` and
 * `#/items/v7:sys-14-5`).
 */
export function itemFromLink(library: Library, url: string, allowedHosts: readonly string[]): { edition: Edition; item: Item } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (!allowedHosts.map((h) => h.toLowerCase()).includes(parsed.host.toLowerCase())) return undefined;
  const ref = itemRefInLink(`${parsed.pathname}${parsed.hash}`, parsed.search);
  return ref === undefined ? undefined : library.resolveRef(ref);
}
