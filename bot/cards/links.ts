/**
 * Where links in cards point, built from the deployment's public address and
 * Teams app IDs (contract/links.ts builds the URLs): deep links name the
 * catalogue app ID where the app is published to the organisation's catalogue,
 * the manifest ID otherwise. Each is absent when the deployment has no public
 * address or app ID.
 */
import { deepLinkAppId, itemWebUrl, teamsItemDeepLink, type TeamsAppIds } from '../../contract/links';

export interface CardLinks {
  /**
   * The item in the tab, as a web URL: what unfurls into the item's card, so
   * the card's share panel offers it to copy into any chat.
   */
  itemUrl(ref: string): string | undefined;
  /** The item in the Teams tab, as a Teams deep link. */
  tabDeepLink(ref: string): string | undefined;
}

export const NO_LINKS: CardLinks = { itemUrl: () => undefined, tabDeepLink: () => undefined };

export function createCardLinks(options: { publicBaseUrl?: string } & TeamsAppIds): CardLinks {
  const base = options.publicBaseUrl;
  const itemUrl = (ref: string) => (base ? itemWebUrl(base, ref) : undefined);
  const appId = deepLinkAppId(options);
  return {
    itemUrl,
    tabDeepLink: (ref) => (appId ? teamsItemDeepLink(appId, ref, itemUrl(ref)) : undefined),
  };
}
