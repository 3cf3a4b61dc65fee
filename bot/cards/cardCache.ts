/**
 * Expanded item cards, kept: templating is the costliest step of an answer,
 * and an item card depends only on immutable data and a few options. One
 * cache per edition, owned by whoever owns the edition's services (the
 * composition root), never a module global.
 *
 * The texts that change with every message (the question in the intro, the
 * channel's status line) are not part of the key: the card is expanded once
 * with placeholders, and each use copies only the objects on the way to a
 * placeholder and shares the rest. User text therefore never passes through
 * the template language. The shared parts are frozen with freezeJson(), so a
 * reply carries their JSON bytes ready-made (bot/json/frozenJson.ts).
 */
import { LRUCache } from 'lru-cache';
import { JsonTemplate } from '../json/frozenJson';
import type { AdaptiveCard } from './expand';

/** Strings a cached card carries where per-message text goes. */
export const SLOTS = { intro: '\u0000intro\u0000', status: '\u0000status\u0000' } as const;
export type SlotName = keyof typeof SLOTS;

const MARKERS: ReadonlySet<string> = new Set(Object.values(SLOTS));

export class ItemCardCache {
  private readonly cards: LRUCache<string, JsonTemplate<AdaptiveCard>>;

  constructor(max = 2000) {
    this.cards = new LRUCache({ max });
  }

  /**
   * The card for `key`, built by `build` (with SLOTS where per-message text
   * goes) the first time, then filled with `values`. The card handed out is
   * a frozen copy: it shares the cached parts, and a reply carries its JSON
   * bytes ready-made.
   */
  get(key: string, build: () => AdaptiveCard, values: Partial<Record<SlotName, string>>): AdaptiveCard {
    let cached = this.cards.get(key);
    if (!cached) {
      cached = new JsonTemplate(build(), MARKERS);
      this.cards.set(key, cached);
    }
    return cached.fill({ [SLOTS.intro]: values.intro, [SLOTS.status]: values.status });
  }

  get size(): number {
    return this.cards.size;
  }
}
