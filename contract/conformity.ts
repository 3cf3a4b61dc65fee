/**
 * Whether Teams can meet an item (data/README.md, "The conformity rule"), in
 * the order filters and legends list the values.
 */
export const CONFORMITIES = ['conformable', 'not-met-by-teams', 'outside-teams'] as const;
export type Conformity = typeof CONFORMITIES[number];

export function isConformity(value: unknown): value is Conformity {
  return typeof value === 'string' && (CONFORMITIES as readonly string[]).includes(value);
}
