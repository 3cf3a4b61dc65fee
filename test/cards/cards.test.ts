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
import { plainText } from '../../bot/cards/markdown';
import { createCardLinks } from '../../bot/cards/links';
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
  it.each(locales)('an item card for every item is valid in %s, with and without links', (locale) => {
    for (const item of edition.items) {
      const related = edition.items.filter((o) => o.section === item.section && o.id !== item.id).slice(0, 4);
      for (const card of [
        createItemCard(item, { ...base, locale, links, related, channelState: { status: 'partial', owner: '山田' } }),
        createItemCard(item, { ...base, locale }),
        createItemCard(item, { ...base, locale, links, standalone: true }),
      ]) {
        expect({ id: item.id, problems: cardProblems(card) }).toEqual({ id: item.id, problems: [] });
      }
    }
  });

  it('shows the item ID as people read it, the requirement under a heading that says it is a summary, and the conformity marker', () => {
    const item = edition.items.find((i) => i.sub !== undefined) ?? edition.items[0];
    const texts = cardTexts(createItemCard(item, { ...base, locale: 'ja' }));
    expect(texts).toContain(edition.displayId(item.id));
    expect(texts).toContain('要求事項（要約）');
    expect(texts).toContain(item.requirement.ja);
    expect(texts).toContain({ conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity]);
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
    const item = edition.items.find((i) => i.actions.length > 2 && splitSummary(i.teams.ja)[1] && i.licensing && i.requirementSource);
    expect(item).toBeDefined();
    const related = edition.related(item!);
    const card = createItemCard(item!, { ...base, locale: 'ja', related });
    const [summary, rest] = splitSummary(item!.teams.ja);
    const hidden = hiddenTexts(card);
    const glance = (card.body as Array<{ id?: string; items?: unknown[] }>).find((e) => e.id === 'actionsGlance')!;
    const shown = cardTexts(card.body.filter((e) => e !== glance && (e as { id?: string }).id !== 'details'));
    expect(shown).toContain(item!.requirement.ja);
    expect(shown).toContain(summary);
    expect(cardTexts(glance)).toEqual([`1. ${item!.actions[0].ja}`, `2. ${item!.actions[1].ja}`]);
    expect(glance.items!.every((t) => (t as { maxLines?: number }).maxLines === 3)).toBe(true);
    // Behind the tap: every action in full, the rest of the coverage, licensing, where the summary comes from, related items.
    expect(hidden).toEqual(expect.arrayContaining(item!.actions.map((a, i) => `${i + 1}. ${a.ja}`)));
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

  it('a shared (standalone) card has only OpenUrl actions', () => {
    const text = JSON.stringify(createItemCard(edition.items[0], { ...base, locale: 'en', links, standalone: true }));
    expect(text).not.toContain('Action.Submit');
    expect(text).toContain('Action.OpenUrl');
  });

  it('names a close second as plainly as the first, as a button that opens it', () => {
    const [best, second] = edition.items;
    const card = createItemCard(best, { ...base, locale: 'ja', question: 'q', closeSecond: second });
    expect(answeredItem(card)).toBe(best.id);
    expect(cardTexts(card)).toContain(STRINGS.ja.closeSecond(edition.displayId(second.id), second.title.ja));
    expect(JSON.stringify(card)).toContain(`"data":{"action":"showItem","id":"${second.id}","locale":"ja"}`);
    expect(cardProblems(card)).toEqual([]);
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
    // A caller adding to its copy changes nothing for the next one.
    (second as Record<string, unknown>).fallbackText = 'changed';
    expect(createItemCard(item, { ...base, cache, locale: 'ja', related, question: 'x' })).not.toHaveProperty('fallbackText');
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
    const preview = createPreviewCard(edition, item, 'ja', { id: item.id });
    expect(preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(preview.content.title).toContain(edition.displayId(item.id));
    expect(preview.content.subtitle).toMatch(/適合可能|Teams では対応不可|Teams 対象外/);
    expect(preview.content.tap).toEqual({ type: 'invoke', value: { id: item.id } });
  });

  it('catches what Teams would reject (the validator can fail)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlock', text: 'x' }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/version/), expect.stringMatching(/wrap/), expect.stringMatching(/width/)]),
    );
    const huge = { type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body: [{ type: 'TextBlock', wrap: true, text: 'あ'.repeat(15000) }] };
    expect(cardProblems(huge).join()).toMatch(/exceeds/);
  });
});
