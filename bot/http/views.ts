/**
 * The reference as the API shows it (contract/api.ts): items without their
 * search-only phrasings, with their display ID, reference and counterparts
 * in other editions.
 */
import type { ChecklistsResponse, EditionView, ItemView } from '../../contract/api';
import type { Checklist } from '../reference/checklists';
import type { Item } from '../../contract/reference';
import { sectionHeading } from '../../contract/editions';
import { coverageOf } from '../reference/coverage';
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
    ...(item.coverageFrom ? { borrowedCoverage: borrowedCoverage(library, item) } : {}),
  };
}

/** A later edition's row: the default edition's items whose coverage it borrows. */
function borrowedCoverage(library: Library, item: Item): NonNullable<ItemView['borrowedCoverage']> {
  const coverage = coverageOf(library, item);
  return coverage.kind === 'borrowed' ? coverage.from.map((from) => ({
    ref: library.refOf(library.defaultEdition, from),
    displayId: library.defaultEdition.displayId(from.id),
    title: from.title,
    ...(from.conformity ? { conformity: from.conformity } : {}),
    ...(from.conformityReason ? { conformityReason: from.conformityReason } : {}),
  })) : [];
}

export function toChecklistView(library: Library, checklist: Checklist): ChecklistsResponse['checklists'][number] {
  const { edition } = checklist;
  return {
    ...checklist.info,
    rows: checklist.rows.map(({ row, refs, answeredBy }) => ({
      ...row,
      refs: refs.map((r) => ({
        raw: r.raw,
        inferred: r.inferred,
        ...(r.item ? { item: { ref: library.refOf(edition, r.item), displayId: edition.displayId(r.item.id), title: r.item.title } } : {}),
        ...(r.section ? { section: { id: r.section.id, title: sectionHeading(r.section, edition.chapters) } } : {}),
      })),
      answeredBy: answeredBy.map((i) => ({
        ref: library.refOf(library.defaultEdition, i),
        displayId: library.defaultEdition.displayId(i.id),
        title: i.title,
        ...(i.conformity ? { conformity: i.conformity } : {}),
      })),
    })),
  };
}

export function toEditionView(library: Library, edition: Edition): EditionView {
  return { ...edition.info, itemCount: edition.items.length, default: edition === library.defaultEdition };
}
