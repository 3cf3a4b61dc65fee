/**
 * The Adaptive Card version each Teams surface documents, and so the version
 * the cards sent there declare. Link unfurling documents cards up to 1.3; the
 * item card uses nothing newer (test/cards checks it against 1.3), so the
 * unfurled card declares 1.3 instead of the templates' 1.5.
 */
import type { AdaptiveCard } from './expand';

export const CARD_VERSIONS = {
  /** Bot messages (answers, help, section lists). */
  message: '1.5',
  /** Message-extension search results inserted into a conversation. */
  searchResult: '1.5',
  /** Link unfurling (composeExtension/queryLink). */
  linkUnfurl: '1.3',
} as const;

export type CardSurface = keyof typeof CARD_VERSIONS;

/** The card as `surface` expects it: a copy of the top level with that surface's version. */
export function forSurface(card: AdaptiveCard, surface: CardSurface): AdaptiveCard {
  return card.version === CARD_VERSIONS[surface] ? card : { ...card, version: CARD_VERSIONS[surface] };
}
