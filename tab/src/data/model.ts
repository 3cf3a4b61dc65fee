/**
 * The shapes the tab receives from /api: the contract's (contract/api.ts,
 * contract/reference.ts), as types only — zod and the schemas stay out of
 * the bundle.
 */
import type { Chapter, Confidence, Document, Item, Level, LocalizedText, Section } from '../../../contract/reference';
import type { ClientConfig, EditionView, ItemView, SectionView } from '../../../contract/api';
import { CONFORMITIES, type Conformity } from '../../../contract/conformity';

export type { Chapter, ClientConfig, Confidence, Conformity, Document, EditionView, Item, ItemView, Level, LocalizedText, Section, SectionView };
export { CONFORMITIES };

export interface ReferenceData {
  /** The edition these items belong to. */
  edition: EditionView;
  items: ItemView[];
  sections: SectionView[];
  chapters: Chapter[];
  documents: Document[];
  itemById: Map<string, ItemView>;
  sectionById: Map<string, SectionView>;
  documentByNumber: Map<string, Document>;
}

export function indexReference(edition: EditionView, items: ItemView[], sections: SectionView[], chapters: Chapter[], documents: Document[]): ReferenceData {
  return {
    edition,
    items,
    sections,
    chapters,
    documents,
    itemById: new Map(items.map((i) => [i.id, i])),
    sectionById: new Map(sections.map((s) => [s.id, s])),
    documentByNumber: new Map(documents.map((d) => [d.number, d])),
  };
}
