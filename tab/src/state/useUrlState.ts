/**
 * The route in the URL hash as React state. Changes made by the page replace
 * the history entry (filters and open items are not worth a Back press each,
 * and inside Teams the iframe's history would fight the host's); links
 * and the address bar still work because `hashchange` is followed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseHash, routeToHash, type Filters, type Route } from './route';

export type RouteOrigin = 'page' | 'outside';

export const URL_WRITE_DELAY_MS = 200;

export interface UrlState {
  route: Route;
  /** Whether the latest change came from the page itself or from outside (a link, Back, a deep link). */
  origin: RouteOrigin;
  setFilters(filters: Filters): void;
  setOpenItem(itemId: string | undefined): void;
  /** Go to a route as if a link had been followed (the item scrolls into view). */
  navigate(route: Route): void;
}

export function useUrlState(): UrlState {
  const [state, setState] = useState<{ route: Route; origin: RouteOrigin }>(() => ({ route: parseHash(window.location.hash), origin: 'outside' }));
  const current = useRef(state.route);
  const pendingWrite = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const onHashChange = () => {
      clearTimeout(pendingWrite.current);
      const route = parseHash(window.location.hash);
      current.current = route;
      setState({ route, origin: 'outside' });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const apply = useCallback((route: Route, origin: RouteOrigin) => {
    current.current = route;
    setState({ route, origin });
    // history.replaceState costs several ms in Chromium: write the address
    // once the list has been painted, and only the latest of a quick series.
    clearTimeout(pendingWrite.current);
    pendingWrite.current = setTimeout(() => {
      const hash = routeToHash(current.current);
      if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
    }, URL_WRITE_DELAY_MS);
  }, []);

  const setFilters = useCallback((filters: Filters) => {
    const prev = current.current;
    apply({ page: 'checklist', filters, itemId: prev.page === 'checklist' ? prev.itemId : undefined }, 'page');
  }, [apply]);

  const setOpenItem = useCallback((itemId: string | undefined) => {
    const prev = current.current;
    apply({ page: 'checklist', filters: prev.page === 'checklist' ? prev.filters : {}, itemId }, 'page');
  }, [apply]);

  const navigate = useCallback((route: Route) => apply(route, 'outside'), [apply]);

  return useMemo(
    () => ({ route: state.route, origin: state.origin, setFilters, setOpenItem, navigate }),
    [state, setFilters, setOpenItem, navigate],
  );
}
