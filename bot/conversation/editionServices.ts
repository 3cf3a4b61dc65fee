/**
 * What answering needs per edition beyond its data: its search index and its
 * card cache. Built lazily, once per edition, owned by the composition root
 * (never module globals, so editions never evict each other's cards).
 */
import { ItemCardCache } from '../cards/cardCache';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { SearchIndex } from '../search/searchIndex';
import { NewRules } from './newRules';

export class EditionServices {
  private readonly indexes = new Map<string, SearchIndex>();
  private readonly caches = new Map<string, ItemCardCache>();
  private rules: NewRules | undefined;

  constructor(readonly library: Library) {}

  index(edition: Edition = this.library.defaultEdition): SearchIndex {
    let index = this.indexes.get(edition.id);
    if (!index) this.indexes.set(edition.id, (index = new SearchIndex(edition.items, edition.ids, this.library.vocabulary)));
    return index;
  }

  /** The later editions' rows new since 第5版, searchable beside 第5版. */
  newRules(): NewRules {
    return (this.rules ??= new NewRules(this.library));
  }

  cards(edition: Edition = this.library.defaultEdition): ItemCardCache {
    let cache = this.caches.get(edition.id);
    if (!cache) this.caches.set(edition.id, (cache = new ItemCardCache()));
    return cache;
  }
}
