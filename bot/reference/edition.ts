/**
 * One edition of the guideline with its requirement items: the items in
 * guideline order, their sections and chapters, the edition's ID grammar,
 * and what is derived from them alone (lookups, each section's items, each
 * item's related items). Immutable after loading; the documents and the
 * search vocabulary are shared by every edition of the library.
 */
import type { ItemIdGrammar } from '../../contract/itemIds';
import type { Chapter, Document, Item, LocalizedText, Section, Vocabulary } from '../../contract/reference';

export interface EditionInfo {
  id: string;
  /** 「第5版」 / "5th edition". */
  label: LocalizedText;
  /** The guideline's full name with the edition. */
  title: LocalizedText;
  /** YYYY-MM. */
  published: string;
}

export interface EditionParts {
  info: EditionInfo;
  ids: ItemIdGrammar;
  items: Item[];
  sections: Section[];
  chapters: Chapter[];
  documents: readonly Document[];
  documentByNumber: ReadonlyMap<string, Document>;
  vocabulary: Vocabulary;
}

export class Edition {
  readonly id: string;
  readonly info: EditionInfo;
  readonly ids: ItemIdGrammar;
  /** In guideline order. */
  readonly items: readonly Item[];
  readonly sections: readonly Section[];
  readonly chapters: readonly Chapter[];
  readonly documents: readonly Document[];
  readonly documentByNumber: ReadonlyMap<string, Document>;
  readonly vocabulary: Vocabulary;
  readonly itemById: ReadonlyMap<string, Item>;
  readonly sectionById: ReadonlyMap<string, Section>;
  private readonly bySection = new Map<string, Item[]>();
  private readonly relatedCache = new Map<string, Item[]>();

  constructor(parts: EditionParts) {
    this.id = parts.info.id;
    this.info = parts.info;
    this.ids = parts.ids;
    this.items = [...parts.items].sort((a, b) => parts.ids.compare(a.id, b.id));
    this.sections = [...parts.sections];
    this.chapters = parts.chapters;
    this.documents = parts.documents;
    this.documentByNumber = parts.documentByNumber;
    this.vocabulary = parts.vocabulary;
    this.itemById = new Map(this.items.map((i) => [i.id, i]));
    this.sectionById = new Map(this.sections.map((s) => [s.id, s]));
    for (const item of this.items) {
      const list = this.bySection.get(item.section);
      if (list) list.push(item);
      else this.bySection.set(item.section, [item]);
    }
  }

  /** How the item's ID is shown (`6.5 C-6`). */
  displayId(id: string): string {
    return this.ids.display(id);
  }

  /**
   * The item a person or a link names: the canonical ID (`6.5-C-6`), or any
   * form the grammar recognises in the text (`6.5 C-6`, `6.5章C-6`).
   */
  resolve(text: string): Item | undefined {
    const direct = this.itemById.get(text);
    if (direct) return direct;
    const [id] = this.ids.find(text);
    return id === undefined ? undefined : this.itemById.get(id);
  }

  /** Every item ID of this edition mentioned in the text that the edition has, in order. */
  findItems(text: string): Item[] {
    return this.ids.find(text).map((id) => this.itemById.get(id)).filter((i): i is Item => Boolean(i));
  }

  itemsInSection(section: string): readonly Item[] {
    return this.bySection.get(section) ?? [];
  }

  /** Items that share the most topics with this one, nearest in the guideline first. */
  related(item: Item, limit = 4): Item[] {
    const key = `${item.id}|${limit}`;
    let related = this.relatedCache.get(key);
    if (!related) {
      const topics = new Set(item.topics);
      related = this.items
        .filter((o) => o.id !== item.id)
        .map((o) => ({ o, shared: o.topics.filter((t) => topics.has(t)).length + (o.section === item.section ? 0.5 : 0) }))
        .filter((x) => x.shared >= 1)
        .sort((a, b) => b.shared - a.shared || this.ids.compare(a.o.id, b.o.id))
        .slice(0, limit)
        .map((x) => x.o);
      this.relatedCache.set(key, related);
    }
    return related;
  }
}
