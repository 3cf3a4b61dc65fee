/**
 * Links to an item and the channel tab's saved configuration.
 */
import { itemLinkToCopy, itemWebUrl, pageBase } from '../../tab/src/teams/links';
import { deepLinkAppId, teamsItemDeepLink } from '../../contract/links';
import { tabConfigFor } from '../../tab/src/teams/tabConfig';
import { parseHash } from '../../tab/src/state/route';

const here = { origin: 'https://medsec.example.jp', pathname: '/' };

describe('links to an item', () => {
  it('opens the personal tab on the item through subEntityId', () => {
    const link = teamsItemDeepLink('11111111-2222-4333-8444-555555555555', '6.5-C-6');
    const url = new URL(link);
    expect(url.origin).toBe('https://teams.microsoft.com');
    expect(url.pathname).toBe('/l/entity/11111111-2222-4333-8444-555555555555/checklist');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: '6.5-C-6' });
  });

  it('uses the public base URL for web links when the deployment sets one', () => {
    expect(itemWebUrl('6.5-C-6', { publicBaseUrl: 'https://public.example.jp/' }, here)).toBe('https://public.example.jp/#/items/6.5-C-6');
    expect(itemWebUrl('6.5-C-6', null, { origin: 'http://localhost:3978', pathname: '/index.html' })).toBe('http://localhost:3978/#/items/6.5-C-6');
  });

  it('copies a Teams deep link inside Teams and the page URL outside', () => {
    const config = { teamsAppId: 'app-id', teamsCatalogAppId: null, publicBaseUrl: null };
    const deep = new URL(itemLinkToCopy('6.5-C-6', true, config, here));
    expect(deep.pathname).toBe('/l/entity/app-id/checklist');
    // Clients that cannot open the tab go to the item's web page.
    expect(deep.searchParams.get('webUrl')).toBe('https://medsec.example.jp/#/items/6.5-C-6');
    expect(itemLinkToCopy('6.5-C-6', false, config, here)).toBe('https://medsec.example.jp/#/items/6.5-C-6');
    // Without an app ID a deep link cannot be built; the page URL still works.
    expect(itemLinkToCopy('6.5-C-6', true, { teamsAppId: null, teamsCatalogAppId: null, publicBaseUrl: null }, here)).toBe('https://medsec.example.jp/#/items/6.5-C-6');
  });

  it('names the catalogue app ID in deep links once the app is published to the organisation\'s catalogue, the manifest ID only before', () => {
    const sideloaded = { teamsAppId: 'manifest-id', teamsCatalogAppId: null, publicBaseUrl: null };
    const published = { ...sideloaded, teamsCatalogAppId: 'catalog-id' };
    expect(new URL(itemLinkToCopy('6.5-C-6', true, sideloaded, here)).pathname).toBe('/l/entity/manifest-id/checklist');
    expect(new URL(itemLinkToCopy('6.5-C-6', true, published, here)).pathname).toBe('/l/entity/catalog-id/checklist');
    expect(deepLinkAppId(published)).toBe('catalog-id');
    expect(deepLinkAppId(sideloaded)).toBe('manifest-id');
    expect(deepLinkAppId({ teamsAppId: null, teamsCatalogAppId: null })).toBeUndefined();
  });
});

describe('the channel tab configuration', () => {
  it('saves a content URL that opens the chosen view', () => {
    const config = tabConfigFor('chapter-7', 'チェックリスト（第7章）', pageBase(here));
    expect(config).toEqual({
      contentUrl: 'https://medsec.example.jp/#/?view=chapter-7',
      websiteUrl: 'https://medsec.example.jp/#/?view=chapter-7',
      entityId: 'checklist-chapter-7',
      suggestedDisplayName: 'チェックリスト（第7章）',
    });
    expect(parseHash(new URL(config.contentUrl).hash)).toEqual({ page: 'checklist', filters: { view: 'chapter-7' } });
  });
});
