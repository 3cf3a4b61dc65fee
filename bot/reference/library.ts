/**
 * The editions the service holds, the documents they cite, and the crosswalk
 * between their items. One per process, immutable after loading.
 */
import { formatItemRef, parseItemRef, type ItemRef } from '../../contract/editions';
import type { CrosswalkBasis, CrosswalkLink, Document, Item, LocalizedText, Vocabulary } from '../../contract/reference';
import type { Edition } from './edition';
import type { Checklist } from './checklists';

/** An item of another edition linked to this one, and how that is known. */
export interface Counterpart {
  edition: Edition;
  item: Item;
  basis: CrosswalkBasis;
  change?: LocalizedText;
  note?: string;
  /** For a link through a third edition (第5版 → 第6.0版 → 第7.0版): the item in between. */
  via?: { edition: Edition; item: Item };
}

/** Weakest first: a link through another edition is only as good as its weaker half. */
const BASIS_STRENGTH: readonly CrosswalkBasis[] = ['subject', 'same-text', 'mhlw-table'];

export class Library {
  readonly editions: readonly Edition[];
  readonly defaultEdition: Edition;
  readonly documents: readonly Document[];
  readonly documentByNumber: ReadonlyMap<string, Document>;
  readonly vocabulary: Vocabulary;
  private readonly byId: ReadonlyMap<string, Edition>;
  /** The 立入検査 checklists (data/checklists/), set once by the loader. */
  checklists: readonly Checklist[] = [];
  /** `edition:id` → its counterparts in other editions, both directions of every crosswalk file. */
  private readonly counterpartsOf = new Map<string, Counterpart[]>();

  constructor(parts: {
    editions: Edition[];
    defaultEdition: string;
    documents: readonly Document[];
    documentByNumber: ReadonlyMap<string, Document>;
    vocabulary: Vocabulary;
    crosswalks: Array<{ from: string; to: string; links: CrosswalkLink[] }>;
  }) {
    this.editions = parts.editions;
    this.byId = new Map(parts.editions.map((e) => [e.id, e]));
    const d = this.byId.get(parts.defaultEdition);
    if (!d) throw new Error(`default edition ${parts.defaultEdition} is not loaded`);
    this.defaultEdition = d;
    this.documents = parts.documents;
    this.documentByNumber = parts.documentByNumber;
    this.vocabulary = parts.vocabulary;
    for (const cw of parts.crosswalks) {
      const from = this.byId.get(cw.from);
      const to = this.byId.get(cw.to);
      if (!from || !to) continue;
      for (const link of cw.links) {
        const a = from.itemById.get(link.from);
        const b = to.itemById.get(link.to);
        if (!a || !b) continue;
        const extra = { basis: link.basis, change: link.change, note: link.note };
        this.add(`${from.id}:${a.id}`, { edition: to, item: b, ...extra });
        this.add(`${to.id}:${b.id}`, { edition: from, item: a, ...extra });
      }
    }
    this.composeThroughThirdEditions();
  }

  /**
   * Editions without a crosswalk of their own are linked through one in
   * between (第5版 ↔ 第7.0版 through 第6.0版): basis the weaker of the two
   * links, the change the later hop's.
   */
  private composeThroughThirdEditions(): void {
    const direct = new Map([...this.counterpartsOf].map(([k, v]) => [k, [...v]]));
    for (const [key, firsts] of direct) {
      const [editionId] = key.split(':', 1);
      const seen = new Set(firsts.map((c) => `${c.edition.id}:${c.item.id}`));
      const composed: Counterpart[] = [];
      for (const first of firsts) {
        for (const second of direct.get(`${first.edition.id}:${first.item.id}`) ?? []) {
          const target = `${second.edition.id}:${second.item.id}`;
          if (second.edition.id === editionId || seen.has(target)) continue;
          seen.add(target);
          const basis = BASIS_STRENGTH[Math.min(BASIS_STRENGTH.indexOf(first.basis), BASIS_STRENGTH.indexOf(second.basis))];
          composed.push({ edition: second.edition, item: second.item, basis, change: second.change, via: { edition: first.edition, item: first.item } });
        }
      }
      for (const c of composed) this.add(key, c);
    }
  }

  private add(key: string, c: Counterpart): void {
    const list = this.counterpartsOf.get(key);
    if (list) list.push(c);
    else this.counterpartsOf.set(key, [c]);
  }

  edition(id: string): Edition | undefined {
    return this.byId.get(id);
  }

  /** Items of other editions linked to this one. */
  counterparts(edition: Edition, item: Item): readonly Counterpart[] {
    return this.counterpartsOf.get(`${edition.id}:${item.id}`) ?? [];
  }

  /** `6.5-C-6` (the default edition) or `v7:sys-14-5`, or a typed form the edition's grammar finds. */
  resolveRef(text: string): { edition: Edition; item: Item } | undefined {
    const ref = parseItemRef(text, this.defaultEdition.id);
    const edition = this.byId.get(ref.edition);
    const item = edition?.resolve(ref.id);
    return edition && item ? { edition, item } : undefined;
  }

  /** The reference as links, exports and assessments write it (no prefix for the default edition). */
  refOf(edition: Edition, item: Item): string {
    return formatItemRef({ edition: edition.id, id: item.id } satisfies ItemRef, this.defaultEdition.id);
  }
}
