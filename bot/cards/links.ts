/**
 * Where links in cards point, built from the deployment's public address and
 * Teams app IDs (contract/links.ts builds the URLs): deep links name the
 * catalogue app ID where the app is published to the organisation's catalogue,
 * the manifest ID otherwise. Each is absent when the deployment has no public
 * address or app ID.
 */
import { deepLinkAppId, itemWebUrl, teamsItemDeepLink, type TeamsAppIds } from '../../contract/links';

export interface CardLinks {
  /** The item in the tab, as a web URL (also what unfurls into the card). */
  itemUrl(ref: string): string | undefined;
  /** The item in the Teams tab, as a Teams deep link. */
  tabDeepLink(ref: string): string | undefined;
  /** "Share to Teams": opens Teams' share dialog with the item's link, which unfurls into its card. */
  shareUrl(ref: string): string | undefined;
}

export const NO_LINKS: CardLinks = { itemUrl: () => undefined, tabDeepLink: () => undefined, shareUrl: () => undefined };

export function createCardLinks(options: { publicBaseUrl?: string } & TeamsAppIds): CardLinks {
  const base = options.publicBaseUrl;
  const itemUrl = (ref: string) => (base ? itemWebUrl(base, ref) : undefined);
  const appId = deepLinkAppId(options);
  return {
    itemUrl,
    tabDeepLink: (ref) => (appId ? teamsItemDeepLink(appId, ref, itemUrl(ref)) : undefined),
    shareUrl(ref) {
      const url = itemUrl(ref);
      // Teams' "Share to Teams" page; the shared link unfurls into the item's card.
      return url ? `https://teams.microsoft.com/share?href=${encodeURIComponent(url)}` : undefined;
    },
  };
}
