/**
 * Loads the reference (items, sections, documents) once. main.tsx starts the
 * request before React renders and waits for it, so the first render is
 * already the whole checklist.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchReference, fetchClientConfig } from './api';
import type { ClientConfig, ReferenceData } from './model';

export type ReferenceState =
  | { status: 'loading' }
  | { status: 'ready'; data: ReferenceData }
  | { status: 'error'; message: string };

let pending: Promise<ReferenceState> | undefined;
let settled: ReferenceState | undefined;
let pendingConfig: Promise<ClientConfig> | undefined;
let settledConfig: ClientConfig | undefined;

function load(): Promise<ReferenceState> {
  settled = undefined;
  pending = fetchReference().then(
    (data): ReferenceState => ({ status: 'ready', data }),
    (err: Error): ReferenceState => ({ status: 'error', message: err.message }),
  );
  void pending.then((s) => { settled = s; });
  return pending;
}

/** Starts loading (once); resolves when the reference has loaded or failed. */
export function prefetchReference(): Promise<ReferenceState> {
  pendingConfig ??= fetchClientConfig().then((c) => (settledConfig = c));
  return pending ?? load();
}

export function useReference(): { state: ReferenceState; retry: () => void } {
  const [state, setState] = useState<ReferenceState>(() => settled ?? { status: 'loading' });
  useEffect(() => {
    let live = true;
    void prefetchReference().then((s) => { if (live) setState(s); });
    return () => { live = false; };
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void load().then(setState);
  }, []);
  return { state, retry };
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
