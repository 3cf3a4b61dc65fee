/**
 * What answering needs per edition beyond its data: its search index and its
 * card cache. Built lazily, once per edition, owned by the composition root
 * (never module globals, so editions never evict each other's cards).
 */
import { ItemCardCache } from '../cards/cardCache';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { SearchIndex } from '../search/searchIndex';

export class EditionServices {
  private readonly indexes = new Map<string, SearchIndex>();
  private readonly caches = new Map<string, ItemCardCache>();

  constructor(readonly library: Library) {}

  index(edition: Edition = this.library.defaultEdition): SearchIndex {
    let index = this.indexes.get(edition.id);
    if (!index) this.indexes.set(edition.id, (index = new SearchIndex(edition.items, edition.ids, this.library.vocabulary)));
    return index;
  }

  cards(edition: Edition = this.library.defaultEdition): ItemCardCache {
    let cache = this.caches.get(edition.id);
    if (!cache) this.caches.set(edition.id, (cache = new ItemCardCache()));
    return cache;
  }
}
