/**
 * Read-only JSON API over the reference model: items, sections, documents.
 */
import type { Server, Request, Response, Next } from 'restify';
import type { Reference } from '../reference/loadReference';
import { displayItemId, findItemIds } from '../reference/itemId';
import type { Item } from '../reference/schema';
import { sendError } from './errors';

/** An item as the API shows it: with its display ID, without the search-only askedAs phrasings. */
export interface ItemView extends Omit<Item, 'askedAs'> {
  displayId: string;
}

export function toItemView(item: Item): ItemView {
  const { askedAs: _searchOnly, ...shown } = item;
  return { ...shown, displayId: displayItemId(item.id) };
}

/** Accepts the canonical `6.5-C-6` and what people paste (`6.5 C-6`). */
export function resolveItemId(reference: Reference, raw: string): Item | undefined {
  const direct = reference.itemById.get(raw);
  if (direct) return direct;
  const [id] = findItemIds(raw);
  return id ? reference.itemById.get(id) : undefined;
}

export function registerReferenceRoutes(server: Server, reference: Reference): void {
  const itemViews = reference.items.map(toItemView);
  const sectionViews = reference.sections.map((s) => ({
    ...s,
    itemCount: reference.items.filter((i) => i.section === s.id).length,
  }));

  server.get('/api/items', (_req: Request, res: Response, next: Next) => {
    res.json({ count: itemViews.length, items: itemViews });
    return next();
  });

  server.get('/api/items/:id', (req: Request, res: Response, next: Next) => {
    const raw = String(req.params.id ?? '');
    const item = raw.length <= 40 ? resolveItemId(reference, raw) : undefined;
    if (!item) {
      sendError(res, 404, 'item_not_found', `No requirement item with ID "${raw.slice(0, 40)}". IDs look like 6.5-C-6.`);
      return next(false);
    }
    res.json(toItemView(item));
    return next();
  });

  server.get('/api/sections', (_req: Request, res: Response, next: Next) => {
    res.json({ chapters: reference.chapters, sections: sectionViews });
    return next();
  });

  server.get('/api/documents', (_req: Request, res: Response, next: Next) => {
    res.json({ count: reference.documents.length, documents: reference.documents });
    return next();
  });
}
