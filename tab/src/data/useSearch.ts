/**
 * Ranks items for the search box's query: the server's search
 * (GET /api/search, the same ranking the bot uses, with synonyms) and, when
 * that route is missing or unreachable, a simple local text match so the box
 * keeps working.
 */
import { useEffect, useMemo, useState } from 'react';
import { fetchSearch, ApiRequestError } from './api';
import type { ReferenceData } from './model';
import { localSearch } from '../checklist/filterItems';

export interface SearchState {
  /** Ranked item IDs for the query; null when there is no query. */
  ranking: string[] | null;
  /** The query the ranking belongs to (it lags the box while a request runs). */
  rankedQuery: string | null;
  /** True when the local fallback produced the ranking because the service failed. */
  degraded: boolean;
}

// Once the service says it has no search route, stop asking for this page load.
let serverSearchMissing = false;

export function useSearch(reference: ReferenceData | null, query: string | undefined, locale: string, topicNames: (slug: string) => string[]): SearchState {
  const [state, setState] = useState<SearchState>({ ranking: null, rankedQuery: null, degraded: false });
  const q = query?.trim() ?? '';

  const local = useMemo(
    () => (reference && q ? localSearch(reference.items, q, topicNames) : null),
    [reference, q, topicNames],
  );

  useEffect(() => {
    if (!reference || !q) {
      // Keep the same object when already empty: a new one would re-render the whole list.
      setState((prev) => (prev.ranking === null && !prev.degraded ? prev : { ranking: null, rankedQuery: null, degraded: false }));
      return undefined;
    }
    if (serverSearchMissing) {
      setState({ ranking: local, rankedQuery: q, degraded: false });
      return undefined;
    }
    const controller = new AbortController();
    fetchSearch(q, locale, reference.items.length, controller.signal).then(
      (res) => setState({ ranking: res.results.map((r) => r.id), rankedQuery: q, degraded: false }),
      (err: Error) => {
        if (controller.signal.aborted) return;
        const missing = err instanceof ApiRequestError && err.status === 404;
        if (missing) serverSearchMissing = true;
        setState({ ranking: local, rankedQuery: q, degraded: !missing });
      },
    );
    return () => controller.abort();
  }, [reference, q, locale, local]);

  return state;
}
