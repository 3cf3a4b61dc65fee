/**
 * Teams loads the tab, the configuration page and the SSO resource only from
 * the app's own https domains; a stray URL is a blank tab or a refused upload.
 */
import { checkUrlsOnValidDomains, domainMatches, stringsWithPaths } from '../../scripts/appPackage/rules';
import { changed, filledManifest, localEnv } from './helpers';

describe('URLs in the manifest', () => {
  const manifest = filledManifest();
  const env = localEnv();

  test('every URL in the local manifest is https on a valid domain — the developer pages included', () => {
    const urls = stringsWithPaths(manifest).filter(([where, value]) => where !== '$schema' && /^[a-z]+:\/\//i.test(value));
    expect(urls.map(([where]) => where)).toEqual(
      expect.arrayContaining([
        'developer.websiteUrl',
        'developer.privacyUrl',
        'staticTabs[0].contentUrl',
        'staticTabs[0].websiteUrl',
        'configurableTabs[0].configurationUrl',
        'webApplicationInfo.resource',
      ]),
    );
    for (const [where, value] of urls) {
      const url = new URL(value.replace(/\{[^}]*\}/g, 'x'));
      expect({ where, protocol: url.protocol === 'api:' ? 'https:' : url.protocol }).toEqual({ where, protocol: 'https:' });
      expect({ where, onValidDomain: manifest.validDomains.some((d: string) => domainMatches(d, url.host)) }).toEqual({ where, onValidDomain: true });
    }
    expect(checkUrlsOnValidDomains(manifest)).toEqual([]);
  });

  test('the link-unfurling domain is the tab domain', () => {
    expect(manifest.composeExtensions[0].messageHandlers[0].value.domains).toEqual([env.TAB_DOMAIN]);
  });

  test.each<[string, (m: any) => void, string]>([
    ['a tab page on another host', (m) => (m.staticTabs[0].contentUrl = 'https://elsewhere.example/#/'), 'staticTabs[0].contentUrl: elsewhere.example is not in validDomains'],
    ['a configuration page over http', (m) => (m.configurableTabs[0].configurationUrl = `http://${env.TAB_DOMAIN}/#/config`), 'configurableTabs[0].configurationUrl: http://'],
    ['an SSO resource on another host', (m) => (m.webApplicationInfo.resource = `api://other.example/${env.AAD_APP_CLIENT_ID}`), 'webApplicationInfo.resource: other.example'],
    ['link unfurling for a domain the app does not own', (m) => (m.composeExtensions[0].messageHandlers[0].value.domains = ['other.example']), 'messageHandlers[0].value.domains[0]: other.example'],
    ['the tab domain missing from validDomains', (m) => (m.validDomains = ['other.example']), 'staticTabs[0].contentUrl'],
  ])('%s is refused', (_name, change, expected) => {
    const problems = checkUrlsOnValidDomains(changed(manifest, change));
    expect(problems.join('\n')).toContain(expected);
  });

  test('a developer page elsewhere is allowed: Teams opens it in the browser', () => {
    const m = changed(manifest, (x) => (x.developer.privacyUrl = 'https://hospital.example.jp/privacy'));
    expect(checkUrlsOnValidDomains(m)).toEqual([]);
  });
});

describe('domainMatches', () => {
  test.each([
    ['localhost:3978', 'localhost:3978', true],
    ['localhost:3978', 'localhost:3979', false],
    ['medsec.azurewebsites.net', 'MEDSEC.azurewebsites.net', true],
    ['*.azurewebsites.net', 'medsec.azurewebsites.net', true],
    ['*.azurewebsites.net', 'azurewebsites.net', false],
    ['*.azurewebsites.net', 'evilazurewebsites.net', false],
  ])('%s ~ %s → %s', (pattern, host, expected) => {
    expect(domainMatches(pattern, host)).toBe(expected);
  });
});
