/**
 * The tab's calls to the service's JSON API. URLs are relative to the page,
 * so the tab also works when a deployment serves it under a sub-path.
 */
import type { SearchResponse } from '../../../contract/api';
import type { Chapter, ClientConfig, Document, EditionView, ItemView, ReferenceData, SectionView } from './model';
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

export async function fetchReference(): Promise<ReferenceData> {
  const [editions, items, sections, documents] = await Promise.all([
    getJson<{ default: string; editions: EditionView[] }>('api/editions'),
    getJson<{ edition: string; items: ItemView[] }>('api/items'),
    getJson<{ chapters: Chapter[]; sections: SectionView[] }>('api/sections'),
    getJson<{ documents: Document[] }>('api/documents'),
  ]);
  // Until the tab lets one choose (issue 14), it shows the default edition, which api/items sends.
  const edition = editions.editions.find((e) => e.id === items.edition);
  if (!edition) throw new ApiRequestError(500, `api/editions does not list the edition "${items.edition}" of api/items`);
  return indexReference(edition, items.items, sections.sections, sections.chapters, documents.documents);
}

export async function fetchClientConfig(): Promise<ClientConfig> {
  try {
    return await getJson<ClientConfig>('api/client-config');
  } catch {
    return { teamsAppId: null, teamsCatalogAppId: null, publicBaseUrl: null };
  }
}

export function fetchSearch(q: string, limit: number, signal: AbortSignal): Promise<SearchResponse> {
  // The tab holds every item already: ask for the ranking only.
  const params = new URLSearchParams({ q, limit: String(limit), view: 'ids' });
  return getJson<SearchResponse>(`api/search?${params}`, signal);
}
