/**
 * The tab's calls to the service's JSON API. URLs are relative to the page,
 * so the tab also works when a deployment serves it under a sub-path.
 */
import type { SearchResponse } from '../../../contract/api';
import type { Chapter, ClientConfig, Document, EditionView, ItemView, ReferenceData, SectionView } from './model';
import type { ChecklistsResponse } from '../../../contract/api';
import { indexReference } from './model';

export class ApiRequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  // No custom headers: the request must match index.html's preload to reuse it.
  const res = await fetch(path, { signal });
  if (!res.ok) {
    let message = `${path}: HTTP ${res.status}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch { /* not JSON */ }
    throw new ApiRequestError(res.status, message);
  }
  return (await res.json()) as T;
}

/** One edition's checklist (the default edition's when `edition` is undefined: what index.html preloads). */
export async function fetchReference(edition?: string): Promise<ReferenceData> {
  const q = edition ? `?edition=${encodeURIComponent(edition)}` : '';
  const [editions, items, sections, documents] = await Promise.all([
    getJson<{ default: string; editions: EditionView[] }>('api/editions'),
    getJson<{ edition: string; items: ItemView[] }>(`api/items${q}`),
    getJson<{ chapters: Chapter[]; sections: SectionView[] }>(`api/sections${q}`),
    getJson<{ documents: Document[] }>('api/documents'),
  ]);
  const shown = editions.editions.find((e) => e.id === items.edition);
  if (!shown) throw new ApiRequestError(500, `api/editions does not list the edition "${items.edition}" of api/items`);
  return indexReference(shown, items.items, sections.sections, sections.chapters, documents.documents, editions.editions);
}

/** The 立入検査 checklists (GET /api/checklists). */
export function fetchChecklists(signal?: AbortSignal): Promise<ChecklistsResponse> {
  return getJson<ChecklistsResponse>('api/checklists', signal);
}

export async function fetchClientConfig(): Promise<ClientConfig> {
  try {
    return await getJson<ClientConfig>('api/client-config');
  } catch {
    return { teamsAppId: null, teamsCatalogAppId: null, publicBaseUrl: null };
  }
}

export function fetchSearch(q: string, limit: number, signal: AbortSignal, edition?: string): Promise<SearchResponse> {
  // The tab holds every item already: ask for the ranking only.
  const params = new URLSearchParams({ q, limit: String(limit), view: 'ids', ...(edition ? { edition } : {}) });
  return getJson<SearchResponse>(`api/search?${params}`, signal);
}
