/**
 * GET /api/search — the same search the bot uses, for the tab.
 */
import type { Server, Request, Response, Next } from 'restify';
import { z } from 'zod';
import type { SearchIndex } from '../search/searchIndex';
import { sendError } from './errors';
import { toItemView } from './referenceRoutes';

export const MAX_QUERY_LENGTH = 500;

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`),
  locale: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** `ids`: ranked IDs and scores only, for clients (the tab) that already hold every item. */
  view: z.enum(['full', 'ids']).default('full'),
});

export function registerSearchRoutes(server: Server, index: SearchIndex): void {
  server.get('/api/search', (req: Request, res: Response, next: Next) => {
    const parsed = SearchQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      sendError(res, 400, 'invalid_query', parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
      return next(false);
    }
    const { q, limit, view } = parsed.data;
    const result = index.search(q, { limit, relativeCutoff: 0.05 });
    res.json({
      query: result.query,
      language: result.language,
      confident: result.confident,
      results: result.hits.map((h) => {
        const hit = { id: h.item.id, score: Math.round(h.score * 100) / 100 };
        return view === 'ids' ? hit : { ...hit, item: toItemView(h.item) };
      }),
    });
    return next();
  });
}
