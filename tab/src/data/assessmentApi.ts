/**
 * Calls to the self-assessment API (README "Self-assessment API"). Every
 * request carries the Teams SSO token when there is one; outside Teams
 * (local mode) none.
 */
import type { AssessmentResponse, ConflictResponse, HistoryResponse, ImportResponse } from '../../../contract/api';
import type { HistoryEntry } from '../../../contract/assessment';
import type { Draft, ItemState } from './assessmentModel';
import { writeBody } from './assessmentModel';

export type TokenSource = () => Promise<string | null>;

export class AssessmentApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly body?: unknown) {
    super(message);
    this.name = 'AssessmentApiError';
  }
}

/** GET /api/assessments/:scope (contract/api.ts). */
export type AssessmentDocument = AssessmentResponse;
export type { HistoryEntry };
export type ImportResult = ImportResponse;

/** The tab's view of a save: saved, or someone else's newer state to show. */
export type SaveOutcome =
  | { ok: true; state: ItemState }
  | { ok: false; conflict: ItemState };

/** `checklist`: the 立入検査 checklist's layout (はい / いいえ), as CSV. */
export type ExportKind = 'xlsx' | 'csv' | 'json' | 'checklist';

export class AssessmentClient {
  private readonly base: string;
  /** `?edition=v7` for an edition other than the default; '' for the default. */
  private readonly editionQuery: string;
  /** Item references of that edition carry it (`v7:sys-14-5`). */
  private readonly refPrefix: string;

  /** `edition`: the one shown, unless it is the default (whose IDs are plain). */
  constructor(readonly scope: string, private readonly token: TokenSource, readonly edition?: string) {
    this.base = `api/assessments/${encodeURIComponent(scope)}`;
    this.editionQuery = edition ? `?edition=${encodeURIComponent(edition)}` : '';
    this.refPrefix = edition ? `${edition}:` : '';
  }

  private itemPath(id: string): string {
    return `/items/${encodeURIComponent(`${this.refPrefix}${id}`)}`;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = await this.token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(`${this.base}${path}`, { ...init, headers, cache: 'no-store' });
  }

  private static async fail(res: Response): Promise<never> {
    let body: { error?: { code?: string; message?: string } } | undefined;
    try { body = await res.json(); } catch { /* not JSON */ }
    throw new AssessmentApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `HTTP ${res.status}`, body);
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await this.request(path, init);
    if (!res.ok) return AssessmentClient.fail(res);
    return (await res.json()) as T;
  }

  load(): Promise<AssessmentDocument> {
    return this.json<AssessmentDocument>(this.editionQuery);
  }

  async put(id: string, draft: Draft, version: number): Promise<SaveOutcome> {
    const res = await this.request(this.itemPath(id), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(writeBody(draft, version)),
    });
    if (res.status === 409) {
      const body = (await res.json()) as ConflictResponse;
      return { ok: false, conflict: body.error.details.current };
    }
    if (!res.ok) return AssessmentClient.fail(res);
    const body = (await res.json()) as { state: ItemState };
    return { ok: true, state: body.state };
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return (await this.json<HistoryResponse>(`${this.itemPath(id)}/history`)).history;
  }

  /** The export as a blob, with the file name the server suggests. */
  async exportFile(kind: ExportKind, locale: string): Promise<{ blob: Blob; fileName: string }> {
    const path = kind === 'checklist' ? '/checklist.csv' : `/export.${kind}`;
    const res = await this.request(`${path}?locale=${encodeURIComponent(locale)}${this.edition && kind !== 'checklist' ? `&edition=${encodeURIComponent(this.edition)}` : ''}`);
    if (!res.ok) return AssessmentClient.fail(res);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `assessment.${kind}`;
    return { blob: await res.blob(), fileName };
  }

  importJson(text: string): Promise<ImportResult> {
    return this.json<ImportResult>('/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  }
}
