/**
 * Where Teams' "Share to Teams" web page is offered: Microsoft supports it
 * only in desktop Edge and Chrome (and not for guests), so the tab offers it
 * only there, outside Teams; everywhere else people share from Teams' own
 * share dialog or by copying the link.
 */
import { shareToTeamsPageUrl, shareToTeamsPageWorks } from '../../tab/src/teams/share';

const agents: Array<[string, string, boolean]> = [
  ['desktop Chrome on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36', true],
  ['desktop Chrome on macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36', true],
  ['desktop Edge', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0', true],
  ['Chrome on Android', 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36', false],
  ['Chrome on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/142.0.0.0 Mobile/15E148 Safari/604.1', false],
  ['Edge on iPad', 'Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) EdgiOS/142.0.0.0 Version/18.0 Mobile/15E148 Safari/604.1', false],
  ['Edge on Android', 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36 EdgA/142.0.0.0', false],
  ['Safari on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1', false],
  ['desktop Safari', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15', false],
  ['desktop Firefox', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0', false],
  ['Opera', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 OPR/124.0.0.0', false],
  ['an Electron shell', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) SomeApp/1.0 Chrome/142.0.0.0 Electron/38.0.0 Safari/537.36', false],
];

describe('Teams\' web share page', () => {
  it.each(agents)('is offered in %s: %#', (_what, userAgent, expected) => {
    expect(shareToTeamsPageWorks(userAgent)).toBe(expected);
  });

  it('carries the item\'s web address, which unfurls into its card', () => {
    expect(shareToTeamsPageUrl('https://medsec.example.jp/#/items/6.5-C-6'))
      .toBe('https://teams.microsoft.com/share?href=https%3A%2F%2Fmedsec.example.jp%2F%23%2Fitems%2F6.5-C-6');
  });
});
