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

/**
 * How a section is headed: 第5版's by its number and title (`6.5 技術的安全対策`),
 * a later edition's by its volume and chapter (`システム運用編 14章 認証・認可…`),
 * not by the internal ID (`sys-14`).
 */
function sectionHeadings(sections: SectionView[], chapters: Chapter[]): Map<string, LocalizedText> {
  const volumeTitle = new Map(chapters.map((c) => [c.chapter, c.title]));
  return new Map(sections.map((s) => {
    const volume = /^\d/.test(s.chapter) ? undefined : volumeTitle.get(s.chapter);
    return [s.id, volume
      ? { ja: `${volume.ja} ${s.title.ja}`, en: `${volume.en.replace(/ volume$/, '')}, ${s.title.en}` }
      : { ja: `${s.id} ${s.title.ja}`, en: `${s.id} ${s.title.en}` }];
  }));
}

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
    sectionHeadings: sectionHeadings(sections, chapters),
    documentByNumber: new Map(documents.map((d) => [d.number, d])),
  };
}
