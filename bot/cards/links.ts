/**
 * Where links in cards point, built from the deployment's public address and
 * Teams app ID (contract/links.ts builds the URLs). Each is absent when the
 * deployment has no public address or app ID.
 */
import { itemWebUrl, teamsItemDeepLink } from '../../contract/links';

export interface CardLinks {
  /** The item in the tab, as a web URL (also what unfurls into the card). */
  itemUrl(ref: string): string | undefined;
  /** The item in the Teams tab, as a Teams deep link. */
  tabDeepLink(ref: string): string | undefined;
  /** "Share to Teams": opens Teams' share dialog with the item's link, which unfurls into its card. */
  shareUrl(ref: string): string | undefined;
}

export const NO_LINKS: CardLinks = { itemUrl: () => undefined, tabDeepLink: () => undefined, shareUrl: () => undefined };

export function createCardLinks(options: { publicBaseUrl?: string; teamsAppId?: string }): CardLinks {
  const base = options.publicBaseUrl;
  const itemUrl = (ref: string) => (base ? itemWebUrl(base, ref) : undefined);
  return {
    itemUrl,
    tabDeepLink: (ref) => (options.teamsAppId ? teamsItemDeepLink(options.teamsAppId, ref, itemUrl(ref)) : undefined),
    shareUrl(ref) {
      const url = itemUrl(ref);
      // Teams' "Share to Teams" page; the shared link unfurls into the item's card.
      return url ? `https://teams.microsoft.com/share?href=${encodeURIComponent(url)}` : undefined;
    },
  };
}
