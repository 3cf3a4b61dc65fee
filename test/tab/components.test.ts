/**
 * The tab's row and detail components rendered to HTML (react-dom/server):
 * what a reader sees for an item, and the slots the self-assessment columns
 * fill.
 */
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { ItemRow, type ItemSlots } from '../../tab/src/components/ItemRow';
import { ShareActions } from '../../tab/src/components/ShareActions';
import { StringsContext, stringsFor } from '../../tab/src/i18n';
import { toItemView } from '../../bot/http/views';
import { testEdition, testLibrary } from '../helpers/testServer';

const ref = testEdition();
const item = toItemView(testLibrary(), ref, ref.itemById.get('6.5-C-6')!);
const documents = item.documents.map((n) => ref.documentByNumber.get(n)!);

function render(element: ReactElement, locale: 'ja' | 'en' = 'ja'): string {
  return renderToStaticMarkup(h(FluentProvider, { theme: teamsLightTheme }, h(StringsContext.Provider, { value: stringsFor(locale) }, element)));
}

function row(props: { expanded: boolean; slots?: ItemSlots; hidden?: boolean }, locale: 'ja' | 'en' = 'ja'): string {
  return render(h('ul', null, h(ItemRow, { item, locale, documents, onToggle: () => undefined, ...props })), locale);
}

describe('an item row', () => {
  it('shows ID, title, requirement preview and markers, collapsed', () => {
    const html = row({ expanded: false });
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('6.5 C-6');
    expect(html).toContain(item.title.ja);
    expect(html).toContain(item.requirement.ja);
    expect(html).toContain(item.level === 'C' ? 'C 最低限' : 'D 推奨');
    expect(html).toContain({ conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity!]);
    expect(html).not.toContain(item.teams!.ja);
  });

  it('shows the whole detail when expanded, in the chosen language', () => {
    const html = row({ expanded: true }, 'en');
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain('aria-controls="detail-6.5-C-6"');
    expect(html).toContain(escape(item.teams!.en));
    for (const a of item.actions!) expect(html).toContain(escape(a.en));
    for (const d of documents) {
      expect(html).toContain(`Document ${d.number}`);
      if (d.url) expect(html).toContain(`href="${d.url}"`);
    }
  });

  it('says why the item has its conformity, where the summary comes from and when it was checked', () => {
    for (const locale of ['ja', 'en'] as const) {
      const html = row({ expanded: true }, locale);
      const s = stringsFor(locale);
      expect(html).toContain(s.requirement);
      expect(html).toContain(escape(`${s.conformity[item.conformity!]}: ${item.conformityReason![locale]}`));
      expect(html).toContain(escape(item.requirementSource!.detail[locale]));
      expect(html).toContain(item.checkedOn!);
    }
    expect(stringsFor('ja').requirement).toBe('要求事項（要約）');
  });

  it('says so when a cited document is no longer published', () => {
    const gone = { ...documents[0], url: undefined };
    const html = render(h('ul', null, h(ItemRow, { item, locale: 'ja', documents: [gone], onToggle: () => undefined, expanded: true })));
    expect(html).toContain('現在は公開されていません');
    expect(html).not.toContain(`href="${documents[0].url}"`);
  });

  it('stays in the page but hidden when filtered out', () => {
    expect(row({ expanded: false, hidden: true })).toMatch(/<li[^>]* hidden=""/);
  });

  it('renders the self-assessment slots: Aside on every row, Detail only when open', () => {
    const slots: ItemSlots = {
      Aside: ({ item: i }) => h('span', { 'data-slot': 'aside' }, `status of ${i.id}`),
      Detail: ({ item: i }) => h('div', { 'data-slot': 'detail' }, `notes for ${i.id}`),
    };
    const collapsed = row({ expanded: false, slots });
    expect(collapsed).toContain('status of 6.5-C-6');
    expect(collapsed).not.toContain('notes for 6.5-C-6');
    expect(row({ expanded: true, slots })).toContain('notes for 6.5-C-6');
  });
});

describe('share actions', () => {
  it('offers only "copy link" where the host has no share dialog', () => {
    const html = render(h(ShareActions, { displayId: '6.5 C-6', onCopyLink: async () => ({ copied: true, link: '' }) }));
    expect(html).toContain('リンクをコピー');
    expect(html).not.toContain('共有');
  });

  it('offers Teams\' web share page as a link that opens a new window, when given one', () => {
    const url = 'https://teams.microsoft.com/share?href=https%3A%2F%2Fmedsec.example.jp%2F%23%2Fitems%2F6.5-C-6';
    const html = render(h(ShareActions, { displayId: '6.5 C-6', onCopyLink: async () => ({ copied: true, link: '' }), shareToTeamsUrl: url }));
    expect(html).toMatch(/<a [^>]*href="https:\/\/teams\.microsoft\.com\/share\?href=https%3A%2F%2Fmedsec\.example\.jp%2F%23%2Fitems%2F6\.5-C-6"/);
    expect(html).toContain('target="_blank"');
    expect(html).toContain('aria-label="6.5 C-6 を Teams で共有（新しいウィンドウで開きます）"');
    expect(html).toContain('Teams で共有');
  });

  it('offers "share" too where it has one', () => {
    const html = render(h(ShareActions, { displayId: '6.5 C-6', onShare: async () => 'shared' as const, onCopyLink: async () => ({ copied: true, link: '' }) }));
    expect(html).toContain('aria-label="6.5 C-6 を共有"');
  });
});

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
