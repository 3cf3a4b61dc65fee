/**
 * The reference as the API shows it (contract/api.ts): items without their
 * search-only phrasings, with their display ID, reference and counterparts
 * in other editions.
 */
import type { EditionView, ItemView } from '../../contract/api';
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';

export function toItemView(library: Library, edition: Edition, item: Item): ItemView {
  const { askedAs: _asked, situations: _situations, ...shown } = item;
  return {
    ...shown,
    edition: edition.id,
    displayId: edition.displayId(item.id),
    ref: library.refOf(edition, item),
    counterparts: library.counterparts(edition, item).map((c) => ({
      edition: c.edition.id,
      editionLabel: c.edition.info.label,
      ref: library.refOf(c.edition, c.item),
      displayId: c.edition.displayId(c.item.id),
      title: c.item.title,
      basis: c.basis,
      ...(c.via ? { via: library.refOf(c.via.edition, c.via.item) } : {}),
      ...(c.change ? { change: c.change } : {}),
    })),
    ...(item.coverageFrom ? {
      borrowedCoverage: item.coverageFrom.flatMap((id) => {
        const from = library.defaultEdition.itemById.get(id);
        return from ? [{
          ref: library.refOf(library.defaultEdition, from),
          displayId: library.defaultEdition.displayId(from.id),
          title: from.title,
          ...(from.conformity ? { conformity: from.conformity } : {}),
          ...(from.conformityReason ? { conformityReason: from.conformityReason } : {}),
        }] : [];
      }),
    } : {}),
  };
}

export function toEditionView(library: Library, edition: Edition): EditionView {
  return { ...edition.info, itemCount: edition.items.length, default: edition === library.defaultEdition };
}
