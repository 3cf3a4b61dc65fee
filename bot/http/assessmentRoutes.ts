/**
 * The self-assessment API the tab uses. Every route: authenticate the caller
 * (Teams SSO token, or loopback in local mode), resolve `:scope` to the
 * caller's tenant plus `personal:<oid>` or a channel whose team the caller
 * belongs to, then read or write the store. The README's "Self-assessment
 * API" section documents each route.
 */
import type { Server, Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Reference } from '../reference/loadReference';
import type { AssessmentStore } from '../assessments/store';
import type { TeamMembership } from '../auth/teamMembership';
import type { RequestAuthenticator } from '../auth/requestCaller';
import type { Caller } from '../auth/ssoToken';
import { computeProgress, ItemState, ItemWrite } from '../assessments/model';
import { channelScope, formatRequestedScope, parseScope, personalScope, RequestedScope, ScopeKey } from '../assessments/scope';
import { buildAssessmentCsv, ExportInput, labelsFor } from '../assessments/exportRows';
import { buildAssessmentXlsx } from '../assessments/exportXlsx';
import { AssessmentImport, buildAssessmentDocument, importEntries } from '../assessments/exchangeFormat';
import type { ExportLocale } from '../assessments/labels';
import { ApiError, sendError } from './errors';

export interface AssessmentRouteDeps {
  reference: Reference;
  store: AssessmentStore;
  auth: RequestAuthenticator;
  /** Team rosters; without it (no bot credentials) channel scopes are refused in SSO mode. */
  membership?: TeamMembership;
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
  key: ScopeKey;
}

function noStore(res: Response): void {
  // Assessments are private to a person or a team: no shared or browser caches.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Authorization');
}

function sendApiError(res: Response, err: ApiError): void {
  if (err.status === 401) res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${err.code}"`);
  sendError(res, err.status, err.code, err.message, err.details);
}

export function registerAssessmentRoutes(server: Server, deps: AssessmentRouteDeps): void {
  const { reference, store, auth, membership, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function resolve(req: Request): Promise<Resolved> {
    const caller = await auth.authenticate(req);
    const raw = String(req.params.scope ?? '');
    const requested = parseScope(raw);
    if (!requested) {
      throw new ApiError(400, 'invalid_scope', 'The scope must be "personal" or "channel:<teamId>:<channelId>" (URL-encoded).');
    }
    if (requested.kind === 'personal') {
      return { caller, requested, key: { tenantId: caller.tenantId, scope: personalScope(caller.userId) } };
    }
    if (auth.mode === 'sso') {
      if (!membership) {
        throw new ApiError(503, 'membership_unavailable', 'Channel assessments need the bot (MicrosoftAppId) to check team membership, and it is not configured.');
      }
      let result;
      try {
        result = await membership.check(caller.tenantId, requested.teamId, caller.userId);
      } catch (err) {
        logger.error({ err, teamId: requested.teamId }, 'team roster lookup failed');
        throw new ApiError(503, 'membership_unavailable', 'Team membership could not be checked right now. Please try again shortly.');
      }
      if (result === 'team-unknown') {
        throw new ApiError(403, 'team_not_registered', 'This team is not known to the bot. Add the app to the team (or post a message to the bot there), then try again.');
      }
      if (result === 'not-member') {
        throw new ApiError(403, 'not_team_member', 'Only members of this team can open its channel\'s assessment.');
      }
    }
    return { caller, requested, key: { tenantId: caller.tenantId, scope: channelScope(requested.teamId, requested.channelId) } };
  }

  function itemOr404(req: Request): string {
    const id = String(req.params.id ?? '');
    if (!reference.itemById.has(id)) {
      throw new ApiError(404, 'item_not_found', `No requirement item with ID "${id.slice(0, 40)}". IDs look like 6.5-C-6.`);
    }
    return id;
  }

  function jsonBody(req: Request): unknown {
    const body = req.body as unknown;
    if (body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) {
      throw new ApiError(400, 'invalid_body', 'Send a JSON object with Content-Type: application/json.');
    }
    return body;
  }

  function invalid(error: z.ZodError): ApiError {
    const details = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = details[0];
    return new ApiError(400, 'invalid_body', first ? `${first.path || 'body'}: ${first.message}` : 'Invalid body.', details);
  }

  function locale(req: Request): ExportLocale {
    const q = (req.query as Record<string, unknown> | undefined)?.locale;
    return q === 'en' ? 'en' : 'ja';
  }

  function scopeLabel(requested: RequestedScope, loc: ExportLocale): string {
    const L = labelsFor(loc).summary;
    return requested.kind === 'personal' ? L.personalScope : L.channelScope(requested.teamId, requested.channelId);
  }

  function fileBase(requested: RequestedScope, at: Date): string {
    const day = at.toISOString().slice(0, 10).replace(/-/g, '');
    return `assessment-${requested.kind}-${day}`;
  }

  async function exportInput(r: Resolved, req: Request): Promise<ExportInput> {
    const loc = locale(req);
    return {
      reference,
      states: await store.getAssessment(r.key),
      locale: loc,
      scopeLabel: scopeLabel(r.requested, loc),
      exportedAt: now(),
      exportedBy: r.caller.name,
    };
  }

  /** Wraps a handler: ApiErrors become their JSON answer, anything else a logged 500. */
  function route(handler: (req: Request, res: Response) => Promise<void>) {
    // A plain (req, res, next) function: restify 11 refuses async handlers that take next.
    return (req: Request, res: Response, next: Next): void => {
      noStore(res);
      handler(req, res).then(() => next(), (err: unknown) => {
        if (err instanceof ApiError) {
          sendApiError(res, err);
        } else {
          logger.error({ err, url: req.url }, 'assessment request failed');
          sendError(res, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
        }
        next(false);
      });
    };
  }

  server.get(BASE, route(async (req, res) => {
    const r = await resolve(req);
    const states = await store.getAssessment(r.key);
    const items: Record<string, ItemState> = {};
    for (const item of reference.items) {
      const s = states.get(item.id);
      if (s) items[item.id] = s;
    }
    res.json({
      mode: auth.mode,
      scope: formatRequestedScope(r.requested),
      user: { id: r.caller.userId, name: r.caller.name },
      items,
      progress: computeProgress(reference.items, states),
    });
  }));

  server.put(`${BASE}/items/:id`, route(async (req, res) => {
    const r = await resolve(req);
    const id = itemOr404(req);
    const parsed = ItemWrite.safeParse(jsonBody(req));
    if (!parsed.success) throw invalid(parsed.error);
    const { version, ...change } = parsed.data;
    const result = await store.putItem(r.key, id, change, version, { id: r.caller.userId, name: r.caller.name });
    if (!result.ok) {
      res.status(409);
      res.json({
        error: {
          code: 'version_conflict',
          message: `Someone else changed ${id} first (now version ${result.current.version}; you sent ${version}). Review their change and save again with version ${result.current.version}.`,
        },
        current: result.current,
      });
      return;
    }
    res.json({ id, state: result.state });
  }));

  server.get(`${BASE}/items/:id/history`, route(async (req, res) => {
    const r = await resolve(req);
    const id = itemOr404(req);
    res.json({ id, history: await store.getHistory(r.key, id) });
  }));

  server.get(`${BASE}/export.json`, route(async (req, res) => {
    const r = await resolve(req);
    const at = now();
    const doc = buildAssessmentDocument(reference, await store.getAssessment(r.key), {
      scope: formatRequestedScope(r.requested), exportedAt: at, exportedBy: r.caller.name,
    });
    const body = Buffer.from(JSON.stringify(doc, null, 2), 'utf8');
    res.sendRaw(200, body, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, at)}.json"`,
    });
  }));

  server.get(`${BASE}/export.csv`, route(async (req, res) => {
    const r = await resolve(req);
    const input = await exportInput(r, req);
    const body = Buffer.from(buildAssessmentCsv(input), 'utf8');
    res.sendRaw(200, body, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, input.exportedAt)}.csv"`,
    });
  }));

  server.get(`${BASE}/export.xlsx`, route(async (req, res) => {
    const r = await resolve(req);
    const input = await exportInput(r, req);
    const body = await buildAssessmentXlsx(input);
    res.sendRaw(200, body, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileBase(r.requested, input.exportedAt)}.xlsx"`,
    });
  }));

  server.post(`${BASE}/import`, route(async (req, res) => {
    const r = await resolve(req);
    const parsed = AssessmentImport.safeParse(jsonBody(req));
    if (!parsed.success) throw invalid(parsed.error);
    const prepared = importEntries(reference, parsed.data);
    if ('problem' in prepared) {
      const { code, ids } = prepared.problem;
      const message = code === 'duplicate_items'
        ? `The file lists some items more than once: ${ids.slice(0, 10).join(', ')}. Nothing was imported.`
        : `The file has items this reference does not: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ' …' : ''}. Nothing was imported.`;
      throw new ApiError(400, code, message, { ids });
    }
    const counts = await store.importItems(r.key, prepared.entries, { id: r.caller.userId, name: r.caller.name });
    res.json({ scope: formatRequestedScope(r.requested), imported: counts });
  }));
}
