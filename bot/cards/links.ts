/**
 * Links in cards, built from the deployment's public address and Teams app ID.
 */
import type { CardLinks } from './cards';

export function createCardLinks(options: { publicBaseUrl?: string; teamsAppId?: string }): CardLinks {
  const base = options.publicBaseUrl?.replace(/\/+$/, '');
  const itemUrl = (id: string) => (base ? `${base}/#/items/${encodeURIComponent(id)}` : undefined);
  return {
    itemUrl,
    tabDeepLink(id) {
      if (!options.teamsAppId) return undefined;
      // entityId "checklist" is the personal tab in the manifest; subEntityId reaches the tab as page.subPageId.
      const context = encodeURIComponent(JSON.stringify({ subEntityId: id }));
      const web = itemUrl(id);
      return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/checklist?context=${context}${web ? `&webUrl=${encodeURIComponent(web)}` : ''}`;
    },
    shareUrl(id) {
      const url = itemUrl(id);
      // Teams' "Share to Teams" page; the shared link unfurls into the item's card.
      return url ? `https://teams.microsoft.com/share?href=${encodeURIComponent(url)}` : undefined;
    },
  };
}
