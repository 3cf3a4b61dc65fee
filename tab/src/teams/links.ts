/**
 * Links to one item. Outside Teams the page URL; inside Teams a deep link
 * that opens the personal tab (entityId `checklist`) on that item through
 * its subPageId. Pure functions.
 */
import type { ClientConfig } from '../data/model';

/** The personal tab's entityId in the manifest. */
export const PERSONAL_TAB_ENTITY_ID = 'checklist';

/** `https://host/` or `https://host/base/` from the current page, without the hash. */
export function pageBase(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname.replace(/index\.html$/, '')}`;
}

/** `https://medsec.example.jp/#/items/6.5-C-6` — what the message extension unfurls. */
export function itemWebUrl(itemId: string, config: Pick<ClientConfig, 'publicBaseUrl'> | null, location: Pick<Location, 'origin' | 'pathname'>): string {
  const base = config?.publicBaseUrl ? `${config.publicBaseUrl.replace(/\/+$/, '')}/` : pageBase(location);
  return `${base}#/items/${itemId}`;
}

export function teamsItemDeepLink(teamsAppId: string, itemId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: itemId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?context=${context}`;
}

/** The link "copy link" puts on the clipboard. */
export function itemLinkToCopy(itemId: string, inTeams: boolean, config: ClientConfig | null, location: Pick<Location, 'origin' | 'pathname'>): string {
  if (inTeams && config?.teamsAppId) return teamsItemDeepLink(config.teamsAppId, itemId);
  return itemWebUrl(itemId, config, location);
}
