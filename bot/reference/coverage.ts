/**
 * Where an item's Teams coverage comes from. Items of the default edition
 * (第5版) carry their own, checked claim by claim. Rows of later editions
 * borrow it from the 第5版 items the crosswalk links them to
 * (`coverageFrom`), or have none written yet; the views say which.
 */
import type { Conformity, Item } from '../../contract/reference';
import type { Library } from './library';

export type Coverage =
  | { kind: 'own'; conformity: Conformity }
  | { kind: 'borrowed'; from: readonly Item[] }
  | { kind: 'none' };

export function coverageOf(library: Library, item: Item): Coverage {
  if (item.conformity) return { kind: 'own', conformity: item.conformity };
  const from = (item.coverageFrom ?? []).map((id) => library.defaultEdition.itemById.get(id)).filter((i): i is Item => i !== undefined);
  return from.length ? { kind: 'borrowed', from } : { kind: 'none' };
}
