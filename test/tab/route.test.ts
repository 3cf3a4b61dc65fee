/**
 * The tab's address: filters and the open item live in the URL hash, so a
 * link reopens the same view.
 */
import { canonicalItemId, localeHint, parseHash, routeToHash, parseView, chapterOfView } from '../../tab/src/state/route';

describe('the tab route in the URL hash', () => {
  it('reads the plain checklist from an empty hash, "#" and "#/"', () => {
    for (const h of ['', '#', '#/']) expect(parseHash(h)).toEqual({ page: 'checklist', filters: {} });
  });

  it('reads every filter from the contract example', () => {
    const route = parseHash('#/?section=6.5&level=C&conformity=conformable&topic=access-log&q=%E3%83%AD%E3%82%B0');
    expect(route).toEqual({
      page: 'checklist',
      filters: { section: '6.5', level: 'C', conformity: 'conformable', topic: 'access-log', q: 'ログ' },
    });
  });

  it('ignores filter values that are not valid instead of failing', () => {
    expect(parseHash('#/?section=<script>&level=X&conformity=maybe&topic=Bad Topic&view=everything')).toEqual({ page: 'checklist', filters: {} });
  });

  it('opens an item by canonical ID, by the displayed form and by an encoded display form', () => {
    expect(parseHash('#/items/6.5-C-6')).toEqual({ page: 'checklist', filters: {}, itemId: '6.5-C-6' });
    expect(parseHash('#/items/6.5%20C-6')).toMatchObject({ itemId: '6.5-C-6' });
    expect(parseHash('#/items/7.1-C-1.3?section=7.1')).toEqual({ page: 'checklist', filters: { section: '7.1' }, itemId: '7.1-C-1.3' });
    expect(canonicalItemId('6.5 C-6')).toBe('6.5-C-6');
    expect(canonicalItemId('nonsense')).toBeUndefined();
  });

  it('reads the configuration page', () => {
    expect(parseHash('#/config')).toEqual({ page: 'config' });
  });

  it('reads a channel tab view and treats view=all as no scope', () => {
    expect(parseHash('#/?view=chapter-7').page === 'checklist' && parseHash('#/?view=chapter-7')).toMatchObject({ filters: { view: 'chapter-7' } });
    expect(parseHash('#/?view=conformable')).toMatchObject({ filters: { view: 'conformable' } });
    expect(parseHash('#/?view=all')).toEqual({ page: 'checklist', filters: {} });
    expect(parseView('chapter-x')).toBeUndefined();
    expect(chapterOfView('chapter-6')).toBe('6');
    expect(chapterOfView('conformable')).toBeUndefined();
  });

  it('prints routes that parse back to themselves', () => {
    const routes = [
      { page: 'checklist' as const, filters: {} },
      { page: 'checklist' as const, filters: { section: '6.5', q: 'アクセス ログ' }, itemId: '6.5-C-6' },
      { page: 'checklist' as const, filters: { view: 'conformable' as const, level: 'D' as const } },
      { page: 'config' as const },
    ];
    for (const route of routes) expect(parseHash(routeToHash(route))).toEqual(route);
    expect(routeToHash({ page: 'checklist', filters: {}, itemId: '6.5-C-6' })).toBe('#/items/6.5-C-6');
  });

  it('reads the Teams {locale} the manifest puts in the personal tab URL, and nothing else', () => {
    expect(localeHint('#/?locale=en-us')).toBe('en-us');
    expect(localeHint('#/?section=6.5&locale=ja-jp')).toBe('ja-jp');
    expect(localeHint('#/?locale={locale}')).toBeUndefined();
    expect(localeHint('#/')).toBeUndefined();
    expect(parseHash('#/?locale=en-us')).toEqual({ page: 'checklist', filters: {} });
  });
});
