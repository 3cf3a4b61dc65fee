/**
 * Ranks items for the search box's query with the server's search
 * (GET /api/search: the same ranking the bot uses, with synonyms). When the
 * service cannot answer, the list stays unranked and the page says search is
 * unavailable; the filters keep working.
 */
import { useEffect, useState } from 'react';
import { fetchSearch } from './api';
import type { ReferenceData } from './model';

export interface SearchState {
  /** Ranked item IDs for the query; null when there is no query (or search failed). */
  ranking: string[] | null;
  /** The query the ranking belongs to (it lags the box while a request runs). */
  rankedQuery: string | null;
  /** True when the service could not search: the list is not narrowed by the query. */
  degraded: boolean;
}

export function useSearch(reference: ReferenceData | null, query: string | undefined): SearchState {
  const [state, setState] = useState<SearchState>({ ranking: null, rankedQuery: null, degraded: false });
  const q = query?.trim() ?? '';

  useEffect(() => {
    if (!reference || !q) {
      // Keep the same object when already empty: a new one would re-render the whole list.
      setState((prev) => (prev.ranking === null && !prev.degraded ? prev : { ranking: null, rankedQuery: null, degraded: false }));
      return undefined;
    }
    const controller = new AbortController();
    fetchSearch(q, reference.items.length, controller.signal, reference.edition.default ? undefined : reference.edition.id).then(
      (res) => setState({ ranking: res.results.map((r) => r.id), rankedQuery: q, degraded: false }),
      () => {
        if (controller.signal.aborted) return;
        setState({ ranking: null, rankedQuery: q, degraded: true });
      },
    );
    return () => controller.abort();
  }, [reference, q]);

  return state;
}
