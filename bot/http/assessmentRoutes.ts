/**
 * The self-assessment API the tab uses. Every route: authenticate the caller
 * (Teams SSO token, or loopback in local mode), resolve `:scope` through the
 * access policy (assessments/access.ts) to the caller's tenant plus
 * `personal:<oid>` or a channel whose team the caller belongs to, pick the
 * edition (`?edition=`, an item reference, or the imported file's), then
 * read or write the store. The README's "Self-assessment API" section
 * documents each route; contract/api.ts has every answer's shape.
 */
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AssessmentImport, ItemWrite, type ItemState } from '../../contract/assessment';
import { computeProgress } from '../../contract/progress';
import { combineStatuses } from '../../contract/statuses';
import { formatRequestedScope, parseScope, type RequestedScope } from '../../contract/scope';
import { localeFromTag } from '../../contract/locale';
import type { Item } from '../../contract/reference';
import { AppError } from '../errors';
import type { Edition } from '../reference/edition';
import type { DerivedState } from '../assessments/exportRows';
import { buildChecklistCsv } from '../assessments/exportChecklist';
import type { Library } from '../reference/library';
import type { AssessmentStore, ScopeKey } from '../assessments/store';
import type { RequestAuthenticator } from '../auth/requestCaller';
import type { Caller } from '../auth/ssoToken';
import type { AccessPolicy } from '../assessments/access';
import { buildAssessmentCsv, ExportInput, labelsFor } from '../assessments/exportRows';
import { buildAssessmentXlsx } from '../assessments/exportXlsx';
import { buildAssessmentDocument, importEntries } from '../assessments/exchangeFormat';
import { asyncRoute } from './errors';

export interface AssessmentRouteDeps {
  library: Library;
  store: AssessmentStore;
  auth: RequestAuthenticator;
  access: AccessPolicy;
  logger: Logger;
  now?: () => Date;
}

/** Paths whose bodies may be larger than the server default: a full import with long notes. */
export const ASSESSMENT_IMPORT_PATH = /^\/api\/assessments\/[^/]+\/import$/;
export const ASSESSMENT_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

const BASE = '/api/assessments/:scope';

interface Resolved {
  caller: Caller;
  requested: RequestedScope;
  /** The tenant and stored scope; add an edition for a ScopeKey. */
  base: { tenantId: string; scope: string };
}

function noStore(res: Response): void {
  // Assessments are private to a person or a team: no shared or browser caches.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Authorization');
}

function invalid(error: z.ZodError): AppError {
  const details = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  return new AppError(400, 'invalid_body', first ? `${first.path || 'body'}: ${first.message}` : 'Invalid body.', details);
}

function jsonBody(req: Request): unknown {
  const body = req.body as unknown;
  if (body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) {
    throw new AppError(400, 'invalid_body', 'Send a JSON object with Content-Type: application/json.');
  }
  return body;
}

function query(req: Request): Record<string, unknown> {
  return (req.query as Record<string, unknown> | undefined) ?? {};
}

export function registerAssessmentRoutes(server: Server, deps: AssessmentRouteDeps): void {
  const { library, store, auth, access, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const route = (handler: (req: Request, res: Response) => Promise<void>) => asyncRoute(logger, handler, noStore);

  async function resolve(req: Request): Promise<Resolved> {
    const caller = await auth.authenticate(req);
    const requested = parseScope(String(req.params.scope ?? ''));
    if (!requested) {
      throw new AppError(400, 'invalid_scope', 'The scope must be "personal" or "channel:<teamId>:<channelId>" (URL-encoded).');
    }
    return { caller, requested, base: await access.scopeFor(caller, requested) };
  }

  /** `?edition=v7`, or the default edition. */
  function editionOf(req: Request): Edition {
    const raw = query(req).edition;
    if (raw === undefined || raw === '') return library.defaultEdition;
    const edition = typeof raw === 'string' ? library.edition(raw) : undefined;
    if (!edition) throw new AppError(400, 'unknown_edition', `No edition "${String(raw).slice(0, 10)}". Editions: ${library.editions.map((e) => e.id).join(', ')}.`);
    return edition;
  }

  /** `:id` as people and links write it: `6.5-C-6`, `6.5 C-6`, `v7:sys-14-5`. */
  function itemOr404(req: Request): { edition: Edition; item: Item } {
    const raw = String(req.params.id ?? '');
    const found = raw.length <= 60 ? library.resolveRef(raw) : undefined;
    if (!found) {
      throw new AppError(404, 'item_not_found', `No requirement item with ID "${raw.slice(0, 40)}". IDs look like ${library.defaultEdition.ids.example}.`);
    }
    return found;
  }

  const key = (r: Resolved, edition: Edition): ScopeKey => ({ ...r.base, edition: edition.id });

  function fileBase(requested: RequestedScope, edition: Edition, at: Date): string {
    const day = at.toISOString().slice(0, 10).replace(/-/g, '');
    return `assessment-${requested.kind}-${edition.id}-${day}`;
  }

  async function exportInput(r: Resolved, req: Request, edition: Edition): Promise<ExportInput> {
    const locale = localeFromTag(String(query(req).locale ?? ''));
    const states = await store.getAssessment(key(r, edition));
    const L = labelsFor(locale).summary;
    return {
      edition,
      library,
      states,
      derived: await derivedStates(r, edition, states),
      locale,
      scopeLabel: r.requested.kind === 'personal' ? L.personalScope : L.channelScope(r.requested.teamId, r.requested.channelId),
      exportedAt: now(),
      exportedBy: r.caller.name,
    };
  }

  /** A later edition's rows without a state of their own: the combined status of their 第5版 items (those with a state in `from`). */
  async function derivedStates(r: Resolved, edition: Edition, states: ReadonlyMap<string, ItemState>): Promise<Map<string, DerivedState>> {
    const derived = new Map<string, DerivedState>();
    if (edition === library.defaultEdition || !edition.items.some((i) => i.coverageFrom?.length && !states.has(i.id))) return derived;
    const base = await store.getAssessment(key(r, library.defaultEdition));
    for (const item of edition.items) {
      if (states.has(item.id) || !item.coverageFrom?.length) continue;
      const from = item.coverageFrom.filter((id) => base.has(id));
      if (from.length === 0) continue;
      derived.set(item.id, { status: combineStatuses(item.coverageFrom.map((id) => base.get(id)?.status ?? 'unchecked')), from });
    }
    return derived;
  }

  server.get(BASE, route(async (req, res) => {
    const r = await resolve(req);
    const edition = editionOf(req);
    const states = await store.getAssessment(key(r, edition));
    const items: Record<string, ItemState> = {};
    for (const item of edition.items) {
      const s = states.get(item.id);
      if (s) items[item.id] = s;
    }
    const derived = Object.fromEntries(await derivedStates(r, edition, states));
    res.json({
      mode: auth.mode,
      scope: formatRequestedScope(r.requested),
      edition: edition.id,
      user: { id: r.caller.userId, name: r.caller.name },
      items,
      derived,
      progress: computeProgress(edition.items, (id) => states.get(id)?.status ?? derived[id]?.status),
    });
  }));

  server.put(`${BASE}/items/:id`, route(async (req, res) => {
    const r = await resolve(req);
    const { edition, item } = itemOr404(req);
    const parsed = ItemWrite.safeParse(jsonBody(req));
    if (!parsed.success) throw invalid(parsed.error);
    const { version, ...change } = parsed.data;
    const result = await store.putItem(key(r, edition), item.id, change, version, { id: r.caller.userId, name: r.caller.name });
    const ref = library.refOf(edition, item);
    if (!result.ok) {
      throw new AppError(409, 'version_conflict',
        `Someone else changed ${ref} first (now version ${result.current.version}; you sent ${version}). Review their change and save again with version ${result.current.version}.`,
        { current: result.current });
    }
    res.json({ id: ref, state: result.state });
  }));

  server.get(`${BASE}/items/:id/history`, route(async (req, res) => {
    const r = await resolve(req);
    const { edition, item } = itemOr404(req);
    res.json({ id: library.refOf(edition, item), history: await store.getHistory(key(r, edition), item.id) });
  }));

  server.get(`${BASE}/export.json`, route(async (req, res) => {
    const r = await resolve(req);
    const edition = editionOf(req);
    const at = now();
    const doc = buildAssessmentDocument(edition, await store.getAssessment(key(r, edition)), {
      scope: formatRequestedScope(r.requested), exportedAt: at, exportedBy: r.caller.name,
    });
    res.sendRaw(200, Buffer.from(JSON.stringify(doc, null, 2), 'utf8'), {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, edition, at)}.json"`,
    });
  }));

  server.get(`${BASE}/export.csv`, route(async (req, res) => {
    const r = await resolve(req);
    const input = await exportInput(r, req, editionOf(req));
    res.sendRaw(200, Buffer.from(buildAssessmentCsv(input), 'utf8'), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, input.edition, input.exportedAt)}.csv"`,
    });
  }));

  // The assessment in the 立入検査 checklist's layout (はい / いいえ from the 第5版 items answering each row).
  server.get(`${BASE}/checklist.csv`, route(async (req, res) => {
    const r = await resolve(req);
    const id = String(query(req).checklist ?? library.checklists[0]?.info.id ?? '');
    const checklist = library.checklists.find((c) => c.info.id === id);
    if (!checklist) throw new AppError(404, 'checklist_not_found', `No checklist "${id.slice(0, 20)}". Checklists: ${library.checklists.map((c) => c.info.id).join(', ') || 'none'}.`);
    const locale = localeFromTag(String(query(req).locale ?? ''));
    const states = await store.getAssessment(key(r, library.defaultEdition));
    const day = now().toISOString().slice(0, 10).replace(/-/g, '');
    res.sendRaw(200, Buffer.from(buildChecklistCsv(checklist, library.defaultEdition, states, locale), 'utf8'), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="checklist-${checklist.info.id}-${r.requested.kind}-${day}.csv"`,
    });
  }));

  server.get(`${BASE}/export.xlsx`, route(async (req, res) => {
    const r = await resolve(req);
    const input = await exportInput(r, req, editionOf(req));
    res.sendRaw(200, await buildAssessmentXlsx(input), {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, input.edition, input.exportedAt)}.xlsx"`,
    });
  }));

  server.post(`${BASE}/import`, route(async (req, res) => {
    const r = await resolve(req);
    const parsed = AssessmentImport.safeParse(jsonBody(req));
    if (!parsed.success) throw invalid(parsed.error);
    const prepared = importEntries(library, parsed.data);
    if ('problem' in prepared) {
      const { code, ids } = prepared.problem;
      const message = code === 'duplicate_items'
        ? `The file lists some items more than once: ${ids.slice(0, 10).join(', ')}. Nothing was imported.`
        : code === 'unknown_edition'
          ? `The file is for edition "${ids[0]}", which this server does not have. Nothing was imported.`
          : `The file has items this edition does not: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ' …' : ''}. Nothing was imported.`;
      throw new AppError(400, code, message, { ids });
    }
    const counts = await store.importItems(key(r, prepared.edition), prepared.entries, { id: r.caller.userId, name: r.caller.name });
    res.json({ scope: formatRequestedScope(r.requested), edition: prepared.edition.id, imported: counts });
  }));
}
