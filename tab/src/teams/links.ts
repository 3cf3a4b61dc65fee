/**
 * Links to one item from the tab. Outside Teams the page URL; inside Teams a
 * deep link that opens the personal tab on that item (contract/links.ts
 * builds both, as the bot's cards do).
 */
import { deepLinkAppId, itemWebUrl as webUrl, teamsItemDeepLink } from '../../../contract/links';
import type { ClientConfig } from '../data/model';

/** `https://host/` or `https://host/base/` from the current page, without the hash. */
export function pageBase(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname.replace(/index\.html$/, '')}`;
}

/** `https://medsec.example.jp/#/items/6.5-C-6` — what the message extension unfurls. */
export function itemWebUrl(ref: string, config: Pick<ClientConfig, 'publicBaseUrl'> | null, location: Pick<Location, 'origin' | 'pathname'>): string {
  return webUrl(config?.publicBaseUrl || pageBase(location), ref);
}

/** The link "copy link" puts on the clipboard. */
export function itemLinkToCopy(ref: string, inTeams: boolean, config: ClientConfig | null, location: Pick<Location, 'origin' | 'pathname'>): string {
  const web = itemWebUrl(ref, config, location);
  // The catalogue app ID once the app is published to the organisation's catalogue, else the manifest ID.
  const appId = config ? deepLinkAppId(config) : undefined;
  return inTeams && appId ? teamsItemDeepLink(appId, ref, web) : web;
}
