/**
 * Read-only JSON API over the library: editions, items, sections, documents.
 * `?edition=` picks an edition (default: the library's default).
 */
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { asyncRoute } from './errors';
import { toChecklistView, toEditionView, toItemView } from './views';

/** `?edition=v7`, or the default edition; an unknown one is a 400 naming the editions there are. */
export function editionParam(library: Library, req: Request): Edition {
  const raw = (req.query as Record<string, unknown> | undefined)?.edition;
  if (raw === undefined || raw === '') return library.defaultEdition;
  const edition = typeof raw === 'string' ? library.edition(raw) : undefined;
  if (!edition) throw new AppError(400, 'unknown_edition', `No edition "${String(raw).slice(0, 10)}". Editions: ${library.editions.map((e) => e.id).join(', ')}.`);
  return edition;
}

export function registerReferenceRoutes(server: Server, library: Library, logger: Logger): void {
  // Built once: the data never changes while the server runs.
  const views = new Map(library.editions.map((e) => [e.id, {
    items: e.items.map((i) => toItemView(library, e, i)),
    sections: e.sections.map((s) => ({ ...s, itemCount: e.itemsInSection(s.id).length })),
  }]));
  const route = (handler: (req: Request, res: Response) => void) => asyncRoute(logger, handler);

  server.get('/api/editions', route((_req, res) => {
    res.json({ default: library.defaultEdition.id, editions: library.editions.map((e) => toEditionView(library, e)) });
  }));

  server.get('/api/items', route((req, res) => {
    const edition = editionParam(library, req);
    const items = views.get(edition.id)!.items;
    res.json({ edition: edition.id, count: items.length, items });
  }));

  server.get('/api/items/:id', route((req, res) => {
    const raw = String(req.params.id ?? '');
    const found = raw.length <= 60 ? library.resolveRef(raw) : undefined;
    if (!found) throw new AppError(404, 'item_not_found', `No requirement item with ID "${raw.slice(0, 40)}". IDs look like ${library.defaultEdition.ids.example}.`);
    res.json(toItemView(library, found.edition, found.item));
  }));

  server.get('/api/sections', route((req, res) => {
    const edition = editionParam(library, req);
    res.json({ edition: edition.id, chapters: edition.chapters, sections: views.get(edition.id)!.sections });
  }));

  const checklists = { checklists: library.checklists.map((c) => toChecklistView(library, c)) };
  server.get('/api/checklists', route((_req, res) => {
    res.json(checklists);
  }));

  server.get('/api/documents', route((_req, res) => {
    res.json({ count: library.documents.length, documents: library.documents });
  }));
}
