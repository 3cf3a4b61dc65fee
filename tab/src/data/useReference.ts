/**
 * Loads the reference of one edition (items, sections, documents) once per
 * edition. main.tsx starts the request for the edition the address names
 * before React renders and waits for it, so the first render is already the
 * whole checklist.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchReference, fetchClientConfig } from './api';
import type { ClientConfig, ReferenceData } from './model';

export type ReferenceState =
  | { status: 'loading' }
  | { status: 'ready'; data: ReferenceData }
  | { status: 'error'; message: string };

/** Per edition ('' = the default edition). */
const loads = new Map<string, { pending: Promise<ReferenceState>; settled?: ReferenceState }>();
let pendingConfig: Promise<ClientConfig> | undefined;
let settledConfig: ClientConfig | undefined;

function load(edition: string): Promise<ReferenceState> {
  const entry: { pending: Promise<ReferenceState>; settled?: ReferenceState } = {
    pending: fetchReference(edition || undefined).then(
      (data): ReferenceState => ({ status: 'ready', data }),
      (err: Error): ReferenceState => ({ status: 'error', message: err.message }),
    ),
  };
  loads.set(edition, entry);
  void entry.pending.then((s) => { entry.settled = s; });
  return entry.pending;
}

/** Starts loading (once per edition); resolves when the reference has loaded or failed. */
export function prefetchReference(edition = ''): Promise<ReferenceState> {
  pendingConfig ??= fetchClientConfig().then((c) => (settledConfig = c));
  return loads.get(edition)?.pending ?? load(edition);
}

export function useReference(edition = ''): { state: ReferenceState; retry: () => void } {
  const [state, setState] = useState<{ edition: string; value: ReferenceState }>(() => ({ edition, value: loads.get(edition)?.settled ?? { status: 'loading' } }));
  useEffect(() => {
    let live = true;
    const settled = loads.get(edition)?.settled;
    // Switching editions shows the list at once when it is loaded already.
    setState({ edition, value: settled ?? { status: 'loading' } });
    void prefetchReference(edition).then((s) => { if (live) setState({ edition, value: s }); });
    return () => { live = false; };
  }, [edition]);
  const retry = useCallback(() => {
    setState({ edition, value: { status: 'loading' } });
    void load(edition).then((s) => setState({ edition, value: s }));
  }, [edition]);
  return { state: state.edition === edition ? state.value : { status: 'loading' }, retry };
}

export function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(() => settledConfig ?? null);
  useEffect(() => {
    let live = true;
    prefetchReference();
    void pendingConfig!.then((c) => { if (live) setConfig(c); });
    return () => { live = false; };
  }, []);
  return config;
}
