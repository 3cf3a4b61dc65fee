/**
 * The shapes the tab receives from /api. The server's zod schema is the one
 * definition of an item; the tab imports its types (types only: nothing of
 * the server ends up in the bundle).
 */
import type {
  Item, Section, Chapter, Document, LocalizedText, Level, Conformity, Confidence,
} from '../../../bot/reference/schema';

export type { Item, Section, Chapter, Document, LocalizedText, Level, Conformity, Confidence };

/** The conformity values, in the order filters list them. */
export const CONFORMITIES = ['conformable', 'not-met-by-teams', 'outside-teams'] as const satisfies readonly Conformity[];

/** An item as GET /api/items returns it. */
export type ItemView = Item & { displayId: string };
export type SectionView = Section & { itemCount: number };

export interface ReferenceData {
  items: ItemView[];
  sections: SectionView[];
  chapters: Chapter[];
  documents: Document[];
  itemById: Map<string, ItemView>;
  sectionById: Map<string, SectionView>;
  documentByNumber: Map<string, Document>;
}

export interface ClientConfig {
  teamsAppId: string | null;
  publicBaseUrl: string | null;
}

export function indexReference(items: ItemView[], sections: SectionView[], chapters: Chapter[], documents: Document[]): ReferenceData {
  return {
    items,
    sections,
    chapters,
    documents,
    itemById: new Map(items.map((i) => [i.id, i])),
    sectionById: new Map(sections.map((s) => [s.id, s])),
    documentByNumber: new Map(documents.map((d) => [d.number, d])),
  };
}
