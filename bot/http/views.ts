/**
 * The reference as the API shows it (contract/api.ts): items without their
 * search-only phrasings, with their display ID, reference and counterparts
 * in other editions.
 */
import type { ChecklistsResponse, EditionView, ItemView } from '../../contract/api';
import type { Checklist } from '../reference/checklists';
import type { Item, LocalizedText, Section } from '../../contract/reference';
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

/** `システム運用編 9章 …` for a later edition's chapter (its volume is the Chapter entry). */
function sectionTitleWithVolume(edition: Edition, section: Section): LocalizedText {
  const volume = edition.chapters.find((c) => c.chapter === section.chapter && !/^\d/.test(c.chapter));
  return volume ? { ja: `${volume.title.ja} ${section.title.ja}`, en: `${volume.title.en}, ${section.title.en}` } : section.title;
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
        ...(r.section ? { section: { id: r.section.id, title: sectionTitleWithVolume(edition, r.section) } } : {}),
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
