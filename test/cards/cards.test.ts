/**
 * Every card the bot and the message extension can send is valid for Teams,
 * and says what the reference says: the item at a glance first, the rest one
 * tap away.
 */
import { testEdition, testLibrary } from '../helpers/testServer';
import { cardProblems } from '../helpers/cardValidation';
import { answeredItem, cardTexts } from '../helpers/cards';
import { createItemCard, splitSummary } from '../../bot/cards/itemCard';
import { createHelpCard } from '../../bot/cards/helpCard';
import { createNoMatchCard } from '../../bot/cards/noMatchCard';
import { createNoticeCard } from '../../bot/cards/noticeCard';
import { createPreviewCard } from '../../bot/cards/previewCard';
import { createSectionCard } from '../../bot/cards/sectionCard';
import { ItemCardCache } from '../../bot/cards/cardCache';
import { jsonBytes } from '../../bot/json/frozenJson';
import { plainText } from '../../bot/cards/markdown';
import { createCardLinks } from '../../bot/cards/links';
import { CARD_VERSIONS, forSurface } from '../../bot/cards/versions';
import { STRINGS, type Locale } from '../../bot/i18n/strings';

const library = testLibrary();
const edition = testEdition();
const links = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555' });
const locales: Locale[] = ['ja', 'en'];
const base = { library, edition };

/** The elements hidden until "show details", by the texts they carry. */
function hiddenTexts(card: unknown): string[] {
  const details = (card as { body: Array<{ id?: string }> }).body.find((e) => e.id === 'details');
  return details ? cardTexts(details) : [];
}

describe('Adaptive Cards', () => {
  it.each(locales)('an item card for every item of every edition is valid in %s, with and without links', (locale) => {
    expect(library.editions.length).toBeGreaterThanOrEqual(3);
    for (const ed of library.editions) {
      const eb = { library, edition: ed };
      for (const item of ed.items) {
        const related = ed.items.filter((o) => o.section === item.section && o.id !== item.id).slice(0, 4);
        for (const card of [
          createItemCard(item, { ...eb, locale, links, related, channelState: { status: 'partial', owner: '山田' } }),
          createItemCard(item, { ...eb, locale }),
          createItemCard(item, { ...eb, locale, links, standalone: true }),
        ]) {
          expect({ id: `${ed.id}:${item.id}`, problems: cardProblems(card) }).toEqual({ id: `${ed.id}:${item.id}`, problems: [] });
        }
      }
    }
  });

  it('shows a later edition\'s row with the 第5版 items whose coverage answers it, and every item\'s counterparts with how each link is known', () => {
    const v7 = library.edition('v7')!;
    const row = v7.itemById.get('sys-14-5')!;
    expect(row.coverageFrom).toContain('6.5-D-5');
    const texts = cardTexts(createItemCard(row, { library, edition: v7, locale: 'ja' }));
    expect(texts).toContain('第5版の対応項目を参照');
    expect(texts.some((t) => t.startsWith('6.5 D-5 ') && t.endsWith('適合可能'))).toBe(true);
    expect(texts.some((t) => t.startsWith('第6.0版 シス14⑤'))).toBe(true);
    // From 第5版 the other way, through 第6.0版 to 第7.0版, marked as such.
    const v5texts = cardTexts(createItemCard(edition.itemById.get('6.5-D-5')!, { ...base, locale: 'ja' }));
    expect(v5texts.some((t) => t.startsWith('第7.0版 シス14⑤') && t.includes('中間の版を経由した推定'))).toBe(true);
    // A row no 第5版 item answers says its coverage is not written yet.
    const lonely = v7.items.find((i) => i.coverageFrom?.length === 0)!;
    expect(cardTexts(createItemCard(lonely, { library, edition: v7, locale: 'ja' }))).toContain(STRINGS.ja.noCoverageYet('第5版'));
  });

  it.each(locales)('the unfurled item card declares 1.3, as link unfurling documents, and uses nothing newer, for every item in %s', (locale) => {
    expect(CARD_VERSIONS.linkUnfurl).toBe('1.3');
    for (const ed of library.editions) {
      for (const item of ed.items) {
        const card = forSurface(createItemCard(item, { library, edition: ed, locale, links, standalone: true }), 'linkUnfurl');
        expect(card.version).toBe('1.3');
        expect({ id: `${ed.id}:${item.id}`, problems: cardProblems(card, { version: '1.3' }) }).toEqual({ id: `${ed.id}:${item.id}`, problems: [] });
      }
    }
  });

  it('declaring a surface\'s version copies the card, leaving the cached one as it was', () => {
    const cache = new ItemCardCache();
    const card = createItemCard(edition.items[0], { ...base, cache, locale: 'ja', links, standalone: true });
    const unfurled = forSurface(card, 'linkUnfurl');
    expect([unfurled.version, card.version]).toEqual(['1.3', '1.5']);
    expect(createItemCard(edition.items[0], { ...base, cache, locale: 'ja', links, standalone: true }).version).toBe('1.5');
    expect(forSurface(card, 'message')).toBe(card);
  });

  it('shows the item ID as people read it, the requirement under a heading that says it is a summary, and the conformity marker', () => {
    const item = edition.items.find((i) => i.sub !== undefined) ?? edition.items[0];
    const texts = cardTexts(createItemCard(item, { ...base, locale: 'ja' }));
    expect(texts).toContain(edition.displayId(item.id));
    expect(texts).toContain('要求事項（要約）');
    expect(texts).toContain(item.requirement.ja);
    expect(texts).toContain({ conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity!]);
  });

  it('shows, next to the marker, why; and in the details, where the requirement\'s wording comes from and when the item was checked', () => {
    const item = edition.items.find((i) => i.conformityReason && i.requirementSource && i.checkedOn);
    if (!item) return; // before the content audit has filled these fields
    const texts = cardTexts(createItemCard(item, { ...base, locale: 'ja' }));
    expect(texts).toContain(item.conformityReason!.ja);
    expect(texts).toContain(`要約の出典: ${item.requirementSource!.detail.ja}`);
    expect(texts.join('\n')).toContain(`内容の確認日 ${item.checkedOn}`);
  });

  it('puts the summary of what Teams does and the first two actions (cut to three lines) at a glance, and the rest behind "show details"', () => {
    const item = edition.items.find((i) => i.actions!.length > 2 && splitSummary(i.teams!.ja)[1] && i.licensing && i.requirementSource);
    expect(item).toBeDefined();
    const related = edition.related(item!);
    const card = createItemCard(item!, { ...base, locale: 'ja', related });
    const [summary, rest] = splitSummary(item!.teams!.ja);
    const hidden = hiddenTexts(card);
    const glance = (card.body as Array<{ id?: string; items?: unknown[] }>).find((e) => e.id === 'actionsGlance')!;
    const shown = cardTexts(card.body.filter((e) => e !== glance && (e as { id?: string }).id !== 'details'));
    expect(shown).toContain(item!.requirement.ja);
    expect(shown).toContain(summary);
    expect(cardTexts(glance)).toEqual([`1. ${item!.actions![0].ja}`, `2. ${item!.actions![1].ja}`]);
    expect(glance.items!.every((t) => (t as { maxLines?: number }).maxLines === 3)).toBe(true);
    // Behind the tap: every action in full, the rest of the coverage, licensing, where the summary comes from, related items.
    expect(hidden).toEqual(expect.arrayContaining(item!.actions!.map((a, i) => `${i + 1}. ${a.ja}`)));
    expect(hidden).toEqual(expect.arrayContaining([rest, item!.licensing!.ja, `要約の出典: ${item!.requirementSource!.detail.ja}`]));
    expect(hidden).toEqual(expect.arrayContaining(related.map((r) => `${edition.displayId(r.id)} ${r.title.ja}`)));
    for (const t of [rest, item!.licensing!.ja, ...related.map((r) => r.title.ja)]) expect(shown.join('\n')).not.toContain(t);
    // The toggle: one button shows the details (in place of the cut actions), the other (hidden at first) hides them again.
    const toggles = JSON.stringify(card).match(/"targetElements":\[[^\]]*\]/g);
    expect(toggles).toEqual(Array(2).fill('"targetElements":["details","actionsGlance","showMore","showLess"]'));
    expect(JSON.stringify(card)).toContain('詳しく表示');
  });

  it('splits a summary at the first sentence (or two, when the first is short)', () => {
    expect(splitSummary('短い。二つ目の文はもう少し長くて、合わせて四十字を確かに超えるように書いてあります。三つ目。'))
      .toEqual(['短い。二つ目の文はもう少し長くて、合わせて四十字を確かに超えるように書いてあります。', '三つ目。']);
    const long = '一つ目の文だけで四十字を超える長さがあり、この項目について Teams が何をするかを言い切る最初の文です。';
    expect(splitSummary(`${long}二つ目の文。`)).toEqual([long, '二つ目の文。']);
    expect(splitSummary('Sign-ins are logged (document 27). Retention is 180 days, e.g. for audits. More.', 20)).toEqual(['Sign-ins are logged (document 27).', 'Retention is 180 days, e.g. for audits. More.']);
  });

  it('links cited documents that are still published, and names those that are not', () => {
    const item = edition.items.find((i) => i.documents.some((n) => library.documentByNumber.get(n)?.url));
    expect(item).toBeDefined();
    const json = JSON.stringify(createItemCard(item!, { ...base, locale: 'ja' }));
    for (const d of item!.documents.map((n) => library.documentByNumber.get(n)!).filter((d) => d.url)) expect(json).toContain(d.url!);
  });

  it('opens the item in the checklist through the catalogue app ID once the app is published, the manifest ID before', () => {
    const item = edition.items[0];
    const openUrl = (l: ReturnType<typeof createCardLinks>, standalone: boolean) => {
      const card = createItemCard(item, { ...base, locale: 'ja', links: l, standalone }) as { actions: Array<{ type: string; title: string; url?: string }> };
      return new URL(card.actions.find((a) => a.title === STRINGS.ja.openInTab)!.url!).pathname;
    };
    const sideloaded = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555' });
    const published = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555', teamsCatalogAppId: '5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' });
    for (const standalone of [false, true]) {
      expect(openUrl(sideloaded, standalone)).toBe('/l/entity/11111111-2222-3333-4444-555555555555/checklist');
      expect(openUrl(published, standalone)).toBe('/l/entity/5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/checklist');
    }
    const json = JSON.stringify(createItemCard(item, { ...base, locale: 'ja', links: published }));
    expect(json).not.toContain('/l/entity/11111111-2222-3333-4444-555555555555/');
  });

  it('a shared (standalone) card has only buttons that need no bot: links and the share panel', () => {
    const card = createItemCard(edition.items[0], { ...base, locale: 'en', links, standalone: true }) as { actions: Array<{ type: string }> };
    expect(JSON.stringify(card)).not.toContain('Action.Submit');
    expect(card.actions.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.ShowCard']);
  });

  describe('sharing from a card, on every Teams client', () => {
    const item = edition.itemById.get('6.5-C-6')!;
    type Action = { type: string; title: string; url?: string; card?: { type: string; body: Array<{ type: string; text?: string; id?: string; label?: string; value?: string }> } };
    const actionsOf = (card: unknown) => ((card as { actions?: Action[] }).actions ?? []);

    it.each([false, true])('offers the item\'s link to copy (it unfurls into this card) and the compose-box search, never the web share page (standalone: %s)', (standalone) => {
      for (const locale of locales) {
        const card = createItemCard(item, { ...base, locale, links, standalone });
        const share = actionsOf(card).find((a) => a.title === STRINGS[locale].share)!;
        expect(share.type).toBe('Action.ShowCard');
        const [how, link] = share.card!.body;
        expect(how).toMatchObject({ type: 'TextBlock', text: STRINGS[locale].shareHow('6.5 C-6') });
        expect(link).toMatchObject({ type: 'Input.Text', label: STRINGS[locale].shareLinkLabel, value: 'https://medsec.example.org/#/items/6.5-C-6' });
        // Teams' "Share to Teams" web page works only in desktop Edge and Chrome: not on Teams mobile, not for guests.
        expect(JSON.stringify(card)).not.toMatch(/teams\.microsoft\.com\/share/);
        expect(cardProblems(card)).toEqual([]);
      }
    });

    it('reads naturally in Japanese, and says the same in English', () => {
      expect(STRINGS.ja.shareHow('6.5 C-6')).toBe('このリンクをコピーしてチャットやチャネルに貼り付けると、6.5 C-6 のカードとして表示されます。作成ボックスでこのアプリから「6.5 C-6」を検索して、カードを挿入することもできます。');
      expect(STRINGS.en.shareHow('6.5 C-6')).toContain('Copy this link into any chat or channel');
    });

    it('has no share panel and no "open" button when the deployment has no public address', () => {
      expect(actionsOf(createItemCard(item, { ...base, locale: 'ja' })).map((a) => a.title)).toEqual([STRINGS.ja.showSection(item.section)]);
      // With only the app ID, "open in checklist" is the deep link and sharing still needs the web link.
      const deepOnly = createCardLinks({ teamsAppId: '11111111-2222-3333-4444-555555555555' });
      const actions = actionsOf(createItemCard(item, { ...base, locale: 'ja', links: deepOnly }));
      expect(actions.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.Submit']);
      expect(actions[0].url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    });
  });

  it('names a close second as plainly as the first, as a button that opens it', () => {
    const [best, second] = edition.items;
    const card = createItemCard(best, { ...base, locale: 'ja', question: 'q', closeSecond: second });
    expect(answeredItem(card)).toBe(best.id);
    expect(cardTexts(card)).toContain(STRINGS.ja.closeSecond(edition.displayId(second.id), second.title.ja));
    expect(JSON.stringify(card)).toContain(`"data":{"action":"showItem","id":"${second.id}","locale":"ja"}`);
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(locales)('names a rule new since 第5版 with its edition as a button (%s), not on shared cards', (locale) => {
    const v6 = library.edition('v6')!;
    const row = v6.items.find((i) => i.conformity && !i.coverageFrom)!;
    const card = createItemCard(edition.items[0], { ...base, locale, question: 'q', newRule: { edition: v6, item: row } });
    expect(cardTexts(card)).toContain(STRINGS[locale].newRule(v6.info.label[locale], v6.displayId(row.id), row.title[locale]));
    expect(JSON.stringify(card)).toContain(`"data":{"action":"showItem","id":"v6:${row.id}","locale":"${locale}"}`);
    expect(cardProblems(card)).toEqual([]);
    const shared = createItemCard(edition.items[0], { ...base, locale, standalone: true, newRule: { edition: v6, item: row } });
    expect(JSON.stringify(shared)).not.toContain(`v6:${row.id}`);
  });

  it.each(locales)('answer, section, help, no-match and notice cards are valid in %s', (locale) => {
    const [best, ...rest] = edition.items;
    const cards = [
      createItemCard(best, { ...base, locale, links, question: 'アクセスログ [link](https://evil.example) **bold**', related: rest.slice(0, 4) }),
      createHelpCard(edition, locale),
      createHelpCard(edition, locale, { welcome: true }),
      createNoMatchCard(library, edition, 'zzz', rest.slice(0, 3), locale),
      createNoMatchCard(library, edition, 'zzz', [], locale),
      createNoticeCard(STRINGS[locale].error),
      ...edition.sections.filter((s) => edition.itemsInSection(s.id).length).map((s) => createSectionCard(library, edition, s, edition.itemsInSection(s.id), locale)),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  it('says which edition it is about, in the help and the disclaimer', () => {
    const texts = cardTexts(createHelpCard(edition, 'ja'));
    expect(texts.join('\n')).toContain(edition.info.title.ja);
    expect(texts.join('\n')).toContain(`ガイドライン（${edition.info.label.ja}）`);
  });

  it('echoes a user\'s question as plain text, never as a link', () => {
    const card = createItemCard(edition.items[0], { ...base, locale: 'en', question: '[click](https://evil.example)' });
    expect(JSON.stringify(card)).not.toContain('[click](https://evil.example)');
    expect(plainText('[a](b)')).toBe('\\[a\\]\\(b\\)');
  });

  it('reuses a no-match card for the same suggestions, each with its own question, the same as one built afresh', () => {
    const cache = new ItemCardCache();
    const suggestions = edition.items.slice(0, 3);
    const first = createNoMatchCard(library, edition, '会議の背景 [x](https://evil.example)', suggestions, 'ja', cache);
    const second = createNoMatchCard(library, edition, '食堂のメニュー', suggestions, 'ja', cache);
    expect(cache.size).toBe(1);
    expect(second).toEqual(createNoMatchCard(library, edition, '食堂のメニュー', suggestions, 'ja'));
    expect(first).toEqual(createNoMatchCard(library, edition, '会議の背景 [x](https://evil.example)', suggestions, 'ja'));
    expect(JSON.stringify(first)).not.toContain('[x](https://evil.example)');
    expect(JSON.stringify(second)).not.toContain('会議の背景');
    createNoMatchCard(library, edition, '食堂', edition.items.slice(1, 4), 'ja', cache);
    createNoMatchCard(library, edition, '食堂', suggestions, 'en', cache);
    expect(cache.size).toBe(3);
  });

  it('reuses an expanded card without mixing up questions, status lines or callers\' changes', () => {
    const cache = new ItemCardCache();
    const item = edition.items[0];
    const related = edition.items.slice(1, 3);
    const first = createItemCard(item, { ...base, cache, locale: 'ja', related, question: '最初の質問 ${intro} {{x}}', channelState: { status: 'partial', owner: '山田' } });
    const second = createItemCard(item, { ...base, cache, locale: 'ja', related, question: 'second question' });
    expect(cache.size).toBe(2);
    const firstText = JSON.stringify(first);
    // User text is never read as template syntax, and each card carries only its own texts.
    expect(firstText).toContain('最初の質問 $\\\\{intro\\\\} \\\\{\\\\{x\\\\}\\\\}');
    expect(firstText).toContain('（担当: 山田）');
    expect(JSON.stringify(second)).toContain('second question');
    expect(JSON.stringify(second)).not.toContain('最初の質問');
    expect(JSON.stringify(second)).not.toContain('山田');
    expect(JSON.stringify(second)).not.toContain('\\u0000');
    // A card handed out cannot be changed (its JSON bytes are made from the cached parts):
    // a caller that tries fails loudly; one that copies it changes nothing for the next one.
    expect(() => { (second as Record<string, unknown>).fallbackText = 'changed'; }).toThrow(TypeError);
    expect(() => { (second.body as unknown[]).push({ type: 'TextBlock', text: 'x' }); }).toThrow(TypeError);
    const own = { ...second, fallbackText: 'changed' };
    expect(own.fallbackText).toBe('changed');
    expect(createItemCard(item, { ...base, cache, locale: 'ja', related, question: 'x' })).not.toHaveProperty('fallbackText');
    expect(jsonBytes({ attachments: [{ content: second }] }).toString('utf8')).toBe(JSON.stringify({ attachments: [{ content: second }] }));
    expect(cardProblems(first)).toEqual([]);
  });

  it('keeps each edition\'s cards in its own cache (two editions never evict each other)', () => {
    const a = new ItemCardCache();
    const b = new ItemCardCache();
    createItemCard(edition.items[0], { ...base, cache: a, locale: 'ja' });
    createItemCard(edition.items[1], { ...base, cache: b, locale: 'ja' });
    createItemCard(edition.items[0], { ...base, cache: a, locale: 'ja' });
    expect([a.size, b.size]).toEqual([1, 1]);
  });

  it('a message-extension preview is a thumbnail card with ID, requirement and conformity', () => {
    const item = edition.items[0];
    const preview = createPreviewCard(testLibrary(), edition, item, 'ja', { id: item.id });
    expect(preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(preview.content.title).toContain(edition.displayId(item.id));
    expect(preview.content.subtitle).toMatch(/適合可能|Teams では対応不可|Teams 対象外/);
    expect(preview.content.tap).toEqual({ type: 'invoke', value: { id: item.id } });
  });

  it('catches a card that declares 1.3 but uses something newer (the validator can fail)', () => {
    const card = {
      type: 'AdaptiveCard', version: '1.3', msteams: { width: 'Full' },
      body: [{ type: 'TextBlock', wrap: true, text: 'x', style: 'heading' }, { type: 'Table', columns: [{ width: 1 }], rows: [] }],
      actions: [{ type: 'Action.Execute', title: 'x' }],
    };
    const problems = cardProblems(card, { version: '1.3' }).join('\n');
    expect(problems).toMatch(/type Table is not in Adaptive Cards 1\.3/);
    expect(problems).toMatch(/type Action\.Execute is not in Adaptive Cards 1\.3/);
    expect(problems).toMatch(/Property "style" is supported in version 1\.5, but you are using version 1\.3/);
    expect(cardProblems({ ...card, version: '1.5' }, { version: '1.3' }).join()).toMatch(/version 1\.5, expected 1\.3/);
  });

  it('catches what Teams would reject (the validator can fail)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlock', text: 'x' }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/version/), expect.stringMatching(/wrap/), expect.stringMatching(/width/)]),
    );
    const huge = { type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body: [{ type: 'TextBlock', wrap: true, text: 'あ'.repeat(15000) }] };
    expect(cardProblems(huge).join()).toMatch(/exceeds/);
  });
});
