/**
 * GET /api/search — the same search the bot uses, for the tab.
 */
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Library } from '../reference/library';
import type { EditionServices } from '../conversation/editionServices';
import { isAnswer } from '../conversation/answerPolicy';
import { isJapanese } from '../search/text';
import { asyncRoute } from './errors';
import { editionParam } from './referenceRoutes';
import { toItemView } from './views';

export const MAX_QUERY_LENGTH = 500;

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** `ids`: ranked IDs and scores only, for clients (the tab) that already hold every item. */
  view: z.enum(['full', 'ids']).default('full'),
});

export function registerSearchRoutes(server: Server, library: Library, services: EditionServices, logger: Logger): void {
  server.get('/api/search', asyncRoute(logger, (req: Request, res: Response) => {
    const parsed = SearchQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      throw new AppError(400, 'invalid_query', parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
    }
    const edition = editionParam(library, req);
    const { q, limit, view } = parsed.data;
    const result = services.index(edition).search(q, { limit, relativeCutoff: 0.05 });
    res.json({
      query: result.query,
      edition: edition.id,
      language: isJapanese(result.query) ? 'ja' : 'en',
      confident: isAnswer(result.hits),
      results: result.hits.map((h) => {
        const hit = { id: library.refOf(edition, h.item), score: Math.round(h.score * 100) / 100 };
        return view === 'ids' ? hit : { ...hit, item: toItemView(library, edition, h.item) };
      }),
    });
  }));
}
