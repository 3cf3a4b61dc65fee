/**
 * The tab's calls to the service's JSON API. URLs are relative to the page,
 * so the tab also works when a deployment serves it under a sub-path.
 */
import type { Chapter, ClientConfig, Document, ItemView, ReferenceData, SectionView } from './model';
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
  const [items, sections, documents] = await Promise.all([
    getJson<{ items: ItemView[] }>('api/items'),
    getJson<{ chapters: Chapter[]; sections: SectionView[] }>('api/sections'),
    getJson<{ documents: Document[] }>('api/documents'),
  ]);
  return indexReference(items.items, sections.sections, sections.chapters, documents.documents);
}

export async function fetchClientConfig(): Promise<ClientConfig> {
  try {
    return await getJson<ClientConfig>('api/client-config');
  } catch {
    return { teamsAppId: null, publicBaseUrl: null };
  }
}

export interface SearchResponse {
  query: string;
  results: Array<{ id: string; score: number }>;
}

export function fetchSearch(q: string, locale: string, limit: number, signal: AbortSignal): Promise<SearchResponse> {
  // The tab holds every item already: ask for the ranking only.
  const params = new URLSearchParams({ q, locale, limit: String(limit), view: 'ids' });
  return getJson<SearchResponse>(`api/search?${params}`, signal);
}
