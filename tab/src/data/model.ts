/**
 * The shapes the tab receives from /api: the contract's (contract/api.ts,
 * contract/reference.ts), as types only — zod and the schemas stay out of
 * the bundle.
 */
import type { Chapter, Confidence, Document, Item, Level, LocalizedText, Section } from '../../../contract/reference';
import type { ClientConfig, EditionView, ItemView, SectionView } from '../../../contract/api';
import { CONFORMITIES, type Conformity } from '../../../contract/conformity';
import { sectionHeading } from '../../../contract/editions';

export type { Chapter, ClientConfig, Confidence, Conformity, Document, EditionView, Item, ItemView, Level, LocalizedText, Section, SectionView };
export { CONFORMITIES };

export interface ReferenceData {
  /** The edition these items belong to. */
  edition: EditionView;
  /** Every edition the server holds (for the switch). */
  editions: EditionView[];
  items: ItemView[];
  sections: SectionView[];
  chapters: Chapter[];
  documents: Document[];
  itemById: Map<string, ItemView>;
  sectionById: Map<string, SectionView>;
  documentByNumber: Map<string, Document>;
  /** Each section's heading, per language. */
  sectionHeadings: Map<string, LocalizedText>;
}

export function indexReference(edition: EditionView, items: ItemView[], sections: SectionView[], chapters: Chapter[], documents: Document[], editions: EditionView[] = [edition]): ReferenceData {
  return {
    edition,
    editions,
    items,
    sections,
    chapters,
    documents,
    itemById: new Map(items.map((i) => [i.id, i])),
    sectionById: new Map(sections.map((s) => [s.id, s])),
    sectionHeadings: new Map(sections.map((sec) => [sec.id, sectionHeading(sec, chapters)])),
    documentByNumber: new Map(documents.map((d) => [d.number, d])),
  };
}
