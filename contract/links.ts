/**
 * Links to an item: the tab's web address (what the message extension
 * unfurls) and a Teams deep link into the personal tab. The tab keeps its
 * state in the hash, so `<base>/#/items/<ref>` opens the item from any host
 * path. Built and parsed only here.
 */

/** The personal tab's entityId in appPackage/manifest.json. */
export const PERSONAL_TAB_ENTITY_ID = 'checklist';

/** `#/items/6.5-C-6` (or `#/items/v7:sys-14-5`). */
export function itemHash(ref: string): string {
  return `#/items/${encodeURIComponent(ref).replace(/%3A/gi, ':')}`;
}

/** `https://medsec.example.jp/#/items/6.5-C-6`; `base` with or without its trailing slash. */
export function itemWebUrl(base: string, ref: string): string {
  return `${base.replace(/\/+$/, '')}/${itemHash(ref)}`;
}

/** The deployment's Teams app IDs, as the server has them and /api/client-config gives them to the tab. */
export interface TeamsAppIds {
  /** The manifest's `id` (TEAMS_APP_ID). */
  teamsAppId?: string | null;
  /** The app's ID in the organisation's app catalogue (TEAMS_CATALOG_APP_ID), once it is published there. */
  teamsCatalogAppId?: string | null;
}

/**
 * The app ID a deep link must name. An app published to the organisation's
 * catalogue is addressed by its catalogue app ID (with the manifest ID such
 * links fail on iOS and are unreliable in the new Teams); only an uploaded
 * (sideloaded) app by its manifest ID. Undefined: no deep link can be built.
 */
export function deepLinkAppId(ids: TeamsAppIds): string | undefined {
  return ids.teamsCatalogAppId || ids.teamsAppId || undefined;
}

/**
 * Opens the personal tab on the item: its subEntityId reaches the tab as
 * page.subPageId. `teamsAppId` is deepLinkAppId()'s answer; `webUrl` is
 * where clients without Teams go.
 */
export function teamsItemDeepLink(teamsAppId: string, ref: string, webUrl?: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: ref }));
  const web = webUrl ? `&webUrl=${encodeURIComponent(webUrl)}` : '';
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?context=${context}${web}`;
}

/**
 * The item reference a link carries, as written (`6.5-C-6`, `6.5%20C-6`
 * decoded, `v7:sys-14-5`): from `#/items/<ref>`, `/items/<ref>` or
 * `?item=<ref>`. Undefined when the link carries none.
 */
export function itemRefInLink(pathAndHash: string, search = ''): string | undefined {
  const m = /(?:^|\/)items\/([^/?#&]+)/.exec(pathAndHash) ?? /[?&]item=([^&#]+)/.exec(`${search}${pathAndHash}`);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}
