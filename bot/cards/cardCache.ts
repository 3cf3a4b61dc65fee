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
import { freezeJson } from '../json/frozenJson';
import type { AdaptiveCard } from './expand';

/** Strings a cached card carries where per-message text goes. */
export const SLOTS = { intro: '\u0000intro\u0000', status: '\u0000status\u0000' } as const;
export type SlotName = keyof typeof SLOTS;

interface CachedCard {
  card: AdaptiveCard;
  /** Where the placeholders are: property paths from the card's root. */
  slots: Array<{ path: Array<string | number>; slot: SlotName }>;
}

export class ItemCardCache {
  private readonly cards: LRUCache<string, CachedCard>;

  constructor(max = 2000) {
    this.cards = new LRUCache({ max });
  }

  /**
   * The card for `key`, built by `build` (with SLOTS where per-message text
   * goes) the first time, then filled with `values`.
   */
  get(key: string, build: () => AdaptiveCard, values: Partial<Record<SlotName, string>>): AdaptiveCard {
    let cached = this.cards.get(key);
    if (!cached) {
      const card = build();
      cached = { card: freezeJson(card), slots: findSlots(card) };
      this.cards.set(key, cached);
    }
    let card = cached.card;
    for (const { path, slot } of cached.slots) card = withValueAt(card, path, values[slot] ?? '') as AdaptiveCard;
    // Never hand out the frozen original itself: callers may add to the top level.
    return card === cached.card ? { ...card } : card;
  }

  get size(): number {
    return this.cards.size;
  }
}

const SLOT_NAMES = new Map<string, SlotName>(Object.entries(SLOTS).map(([name, value]) => [value, name as SlotName]));

function findSlots(value: unknown, path: Array<string | number> = [], out: CachedCard['slots'] = []): CachedCard['slots'] {
  if (typeof value === 'string') {
    const slot = SLOT_NAMES.get(value);
    if (slot) out.push({ path, slot });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findSlots(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findSlots(v, [...path, k], out);
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced; only the objects along the path are copied. */
function withValueAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = withValueAt(root[head as number], rest, value);
    return copy;
  }
  const obj = root as Record<string, unknown>;
  return { ...obj, [head]: withValueAt(obj[head as string], rest, value) };
}
