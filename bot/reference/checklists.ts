/**
 * The 立入検査 checklist rows with their guideline references resolved to
 * the cited edition's rows (or chapters, where the manual cites a section),
 * and the default edition's items whose Teams coverage answers each row.
 */
import type { ChecklistFile, ChecklistRow, Item, Section } from '../../contract/reference';
import type { Edition } from './edition';

export interface ChecklistRef {
  /** As the data writes it (`sys-14-5`, `sys-8.2`, `overview-2.3`). */
  raw: string;
  /** Inferred from the subject, not printed in the manual. */
  inferred: boolean;
  item?: Item;
  /** A cited section (`sys-8.2`) resolved to its chapter's rows (`sys-8`). */
  section?: Section;
}

export interface ResolvedChecklistRow {
  row: ChecklistRow;
  refs: ChecklistRef[];
  /** Default-edition items whose coverage answers the row (through the cited rows' coverageFrom). */
  answeredBy: Item[];
}

export interface Checklist {
  info: Omit<ChecklistFile, 'rows'>;
  edition: Edition;
  rows: ResolvedChecklistRow[];
}

/** Resolves one file; throws (with the row and reference) for a reference shaped like an item ID that the edition lacks. */
export function resolveChecklist(file: ChecklistFile, edition: Edition, defaultEdition: Edition, where: string): Checklist {
  const { rows, ...info } = file;
  return {
    info,
    edition,
    rows: rows.map((row) => {
      const refs: ChecklistRef[] = [
        ...row.guidelineRefs.map((raw) => ({ raw, inferred: false })),
        ...row.guidelineRefsInferred.map((raw) => ({ raw, inferred: true })),
      ].map((ref) => {
        const item = edition.itemById.get(ref.raw);
        if (item) return { ...ref, item };
        if (edition.ids.pattern.test(ref.raw)) throw new Error(`${where}: row ${row.id}: ${edition.id} has no item ${ref.raw}`);
        const chapter = ref.raw.replace(/\..*$/, '');
        const section = edition.sectionById.get(ref.raw) ?? edition.sectionById.get(chapter);
        return section ? { ...ref, section } : ref;
      });
      const answeredBy: Item[] = [];
      for (const ref of refs) {
        for (const id of ref.item?.coverageFrom ?? []) {
          const item = defaultEdition.itemById.get(id);
          if (item && !answeredBy.includes(item)) answeredBy.push(item);
        }
      }
      answeredBy.sort((a, b) => defaultEdition.ids.compare(a.id, b.id));
      return { row, refs, answeredBy };
    }),
  };
}
