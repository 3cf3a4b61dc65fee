/**
 * The self-assessment of one scope, loaded after the checklist has painted.
 * States live in a small external store: a row's badge subscribes to its
 * own item, so a save re-renders that row (and the progress), never all 143.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { AssessmentApiError, AssessmentClient, type AssessmentDocument, type ExportKind, type HistoryEntry, type ImportResult, type SaveOutcome, type TokenSource } from './assessmentApi';
import type { Draft, ItemState } from './assessmentModel';
import type { TeamsSession } from '../teams/teamsSession';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface AssessmentMeta {
  status: LoadStatus;
  mode: 'local' | 'sso' | null;
  user: { id: string; name: string } | null;
  /** HTTP status and error code of a failed load. */
  error: { status: number; code: string; message: string; details?: unknown } | null;
  /** Bumped on every change of any state. */
  revision: number;
}

type Listener = () => void;

export class AssessmentStore {
  private states = new Map<string, ItemState>();
  /** Later editions: rows without a state, shown with their 第5版 items' combined status. */
  private derivedStates = new Map<string, { status: ItemState['status']; from: string[] }>();
  private itemListeners = new Map<string, Set<Listener>>();
  private listeners = new Set<Listener>();
  meta: AssessmentMeta = { status: 'loading', mode: null, user: null, error: null, revision: 0 };

  constructor(readonly client: AssessmentClient) {}

  get scope(): string { return this.client.scope; }

  item(id: string): ItemState | undefined { return this.states.get(id); }
  derived(id: string): { status: ItemState['status']; from: string[] } | undefined { return this.states.has(id) ? undefined : this.derivedStates.get(id); }
  /** What progress counts: the row's own status, else its derived one. */
  statusOf = (id: string): ItemState['status'] | undefined => this.states.get(id)?.status ?? this.derivedStates.get(id)?.status;
  all(): ReadonlyMap<string, ItemState> { return this.states; }

  subscribe = (fn: Listener) => { this.listeners.add(fn); return () => { this.listeners.delete(fn); }; };
  subscribeItem(id: string, fn: Listener): () => void {
    let set = this.itemListeners.get(id);
    if (!set) this.itemListeners.set(id, (set = new Set()));
    set.add(fn);
    return () => { set!.delete(fn); };
  }
  getMeta = () => this.meta;

  private emit(ids: Iterable<string> | 'all') {
    this.meta = { ...this.meta, revision: this.meta.revision + 1 };
    if (ids === 'all') this.itemListeners.forEach((set) => set.forEach((fn) => fn()));
    else for (const id of ids) this.itemListeners.get(id)?.forEach((fn) => fn());
    this.listeners.forEach((fn) => fn());
  }

  setItem(id: string, state: ItemState) {
    const prev = this.states.get(id);
    // Never go back to an older version (a late answer after a newer one).
    if (prev && prev.version > state.version) return;
    this.states.set(id, state);
    this.emit([id]);
  }

  async load(): Promise<void> {
    this.meta = { ...this.meta, status: 'loading', error: null };
    this.listeners.forEach((fn) => fn());
    try {
      const doc: AssessmentDocument = await this.client.load();
      this.states = new Map(Object.entries(doc.items));
      this.derivedStates = new Map(Object.entries(doc.derived ?? {}));
      this.meta = { ...this.meta, status: 'ready', mode: doc.mode, user: doc.user, error: null };
      this.emit('all');
    } catch (err) {
      const e = err instanceof AssessmentApiError ? err : new AssessmentApiError(0, 'network', (err as Error).message);
      const details = (e.body as { error?: { details?: unknown } } | undefined)?.error?.details;
      this.meta = { ...this.meta, status: 'error', error: { status: e.status, code: e.code, message: e.message, details } };
      this.emit('all');
    }
  }

  /** Saves a draft over `version`; on a conflict the store takes the other editor's state. */
  async save(id: string, draft: Draft, version: number): Promise<SaveOutcome> {
    const result = await this.client.put(id, draft, version);
    this.setItem(id, result.ok ? result.state : result.conflict);
    return result;
  }

  history(id: string): Promise<HistoryEntry[]> { return this.client.history(id); }

  exportFile(kind: ExportKind, locale: string) { return this.client.exportFile(kind, locale); }

  async importJson(text: string): Promise<ImportResult> {
    const result = await this.client.importJson(text);
    await this.load();
    return result;
  }
}

export const TOKEN_TIMEOUT_MS = 8000;

/**
 * Inside Teams: the SSO token from teams-js. When Teams cannot give one (no
 * app registration, a host that does not support it), the request goes
 * without and the server's answer — local mode, or 401 — says what follows.
 */
export function teamsTokenSource(session: TeamsSession | null): TokenSource {
  if (!session) return async () => null;
  return async () => {
    try {
      const token = await Promise.race([
        session.sdk.authentication.getAuthToken(),
        new Promise<never>((_r, reject) => setTimeout(() => reject(new Error('timeout')), TOKEN_TIMEOUT_MS)),
      ]);
      return token || null;
    } catch {
      return null;
    }
  };
}

/** The assessment of `scope`; loading starts after the first paint. */
export function useAssessment(scope: string, session: TeamsSession | null, preload?: () => Promise<unknown>, edition?: string): AssessmentStore {
  const store = useMemo(() => new AssessmentStore(new AssessmentClient(scope, teamsTokenSource(session), edition)), [scope, session, edition]);
  useEffect(() => {
    // After the checklist is on screen: the list first, the assessment next.
    const timer = setTimeout(() => {
      void store.load();
      // The form and panel code, fetched alongside the data.
      preload?.().catch(() => undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, [store]); // eslint-disable-line react-hooks/exhaustive-deps
  return store;
}

export const AssessmentContext = createContext<AssessmentStore | null>(null);

export function useAssessmentStore(): AssessmentStore | null {
  return useContext(AssessmentContext);
}

const noSubscribe = () => () => undefined;
const NO_META: AssessmentMeta = { status: 'loading', mode: null, user: null, error: null, revision: 0 };

/** Load state, mode, user and a revision that changes with every state. */
export function useAssessmentMeta(store: AssessmentStore | null): AssessmentMeta {
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? store.getMeta : () => NO_META);
}

/** One item's state (undefined: untouched, or not loaded yet). */
export function useItemState(store: AssessmentStore | null, id: string): ItemState | undefined {
  const subscribe = useCallback((fn: Listener) => (store ? store.subscribeItem(id, fn) : () => undefined), [store, id]);
  return useSyncExternalStore(subscribe, () => store?.item(id));
}

/** Whether the assessment has loaded; changes only when that does (rows use it, not the revision). */
export function useAssessmentReady(store: AssessmentStore | null): boolean {
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, () => store?.meta.status === 'ready');
}
