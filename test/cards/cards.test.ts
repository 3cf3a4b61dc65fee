/**
 * Every card the bot and the message extension can send is valid for Teams.
 */
import { testReference } from '../helpers/testServer';
import { cardProblems } from '../helpers/cardValidation';
import {
  createAnswerCard, createHelpCard, createItemCard, createNoMatchCard, createNoticeCard, createPreviewCard, createSectionCard, plainText,
} from '../../bot/cards/cards';
import { createCardLinks } from '../../bot/cards/links';
import { STRINGS, Locale } from '../../bot/cards/strings';

const ref = testReference();
const links = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555' });
const locales: Locale[] = ['ja', 'en'];

describe('Adaptive Cards', () => {
  it.each(locales)('an item card for every item is valid in %s, with and without links', (locale) => {
    for (const item of ref.items) {
      const related = ref.items.filter((o) => o.section === item.section && o.id !== item.id).slice(0, 4);
      for (const card of [
        createItemCard(item, { locale, reference: ref, links, related, statusLine: STRINGS[locale].channelStatus(STRINGS[locale].status.partial, '山田') }),
        createItemCard(item, { locale, reference: ref }),
        createItemCard(item, { locale, reference: ref, links, standalone: true }),
      ]) {
        expect({ id: item.id, problems: cardProblems(card) }).toEqual({ id: item.id, problems: [] });
      }
    }
  });

  it('shows the item ID as people read it, with the requirement, coverage, actions and conformity', () => {
    const item = ref.items.find((i) => i.sub !== undefined) ?? ref.items[0];
    const text = JSON.stringify(createItemCard(item, { locale: 'ja', reference: ref }));
    expect(text).toContain(item.id.replace(/^([\d.]+)-([CD])-/, '$1 $2-'));
    expect(text).toContain(item.requirement.ja.slice(0, 20));
    expect(text).toContain(item.teams.ja.slice(0, 20));
    expect(text).toContain(item.actions[0].ja.slice(0, 20));
    expect(text).toContain({ conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity]);
  });

  it('links cited documents that are still published, and names those that are not', () => {
    const item = ref.items.find((i) => i.documents.some((n) => ref.documentByNumber.get(n)?.url));
    expect(item).toBeDefined();
    const card: any = createItemCard(item!, { locale: 'ja', reference: ref });
    const urls = [JSON.stringify(card)];
    const cited = item!.documents.map((n) => ref.documentByNumber.get(n)!).filter((d) => d.url);
    for (const d of cited) expect(urls.join(' ')).toContain(d.url!);
  });

  it('a shared (standalone) card has only OpenUrl actions', () => {
    const card = createItemCard(ref.items[0], { locale: 'en', reference: ref, links, standalone: true });
    const text = JSON.stringify(card);
    expect(text).not.toContain('Action.Submit');
    expect(text).toContain('Action.OpenUrl');
  });

  it.each(locales)('answer, section, help, no-match and notice cards are valid in %s', (locale) => {
    const [best, ...rest] = ref.items;
    const cards = [
      createAnswerCard('アクセスログ [link](https://evil.example) **bold**', best, rest.slice(0, 4), { locale, reference: ref, links }),
      createHelpCard(locale),
      createHelpCard(locale, { welcome: true }),
      createNoMatchCard('zzz', rest.slice(0, 3), locale),
      createNoMatchCard('zzz', [], locale),
      createNoticeCard(STRINGS[locale].error),
      ...ref.sections.filter((s) => ref.items.some((i) => i.section === s.id)).map((s) => createSectionCard(s, ref.items.filter((i) => i.section === s.id), locale)),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  it('echoes a user\'s question as plain text, never as a link', () => {
    const card = createAnswerCard('[click](https://evil.example)', ref.items[0], [], { locale: 'en', reference: ref });
    expect(JSON.stringify(card)).not.toContain('[click](https://evil.example)');
    expect(plainText('[a](b)')).toBe('\\[a\\]\\(b\\)');
  });

  it('reuses an expanded card without mixing up questions, status lines or callers\' changes', () => {
    const item = ref.items[0];
    const related = ref.items.slice(1, 3);
    const first = createAnswerCard('最初の質問 ${intro} {{x}}', item, related, { locale: 'ja', reference: ref, statusLine: '状況: 対応中（山田）' });
    const second = createAnswerCard('second question', item, related, { locale: 'ja', reference: ref });
    const firstText = JSON.stringify(first);
    // User text is never read as template syntax, and each card carries only its own texts.
    expect(firstText).toContain('最初の質問 $\\\\{intro\\\\} \\\\{\\\\{x\\\\}\\\\}');
    expect(firstText).toContain('状況: 対応中（山田）');
    expect(JSON.stringify(second)).toContain('second question');
    expect(JSON.stringify(second)).not.toContain('最初の質問');
    expect(JSON.stringify(second)).not.toContain('山田');
    expect(JSON.stringify(second)).not.toContain('\\u0000');
    // A caller adding to its copy changes nothing for the next one.
    (second as Record<string, unknown>).fallbackText = 'changed';
    expect(createItemCard(item, { locale: 'ja', reference: ref, related, intro: 'x' })).not.toHaveProperty('fallbackText');
    expect(cardProblems(first)).toEqual([]);
  });

  it('a message-extension preview is a thumbnail card with ID, requirement and conformity', () => {
    const item = ref.items[0];
    const preview = createPreviewCard(item, 'ja');
    expect(preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(preview.content.title).toContain(item.id.replace(/^([\d.]+)-([CD])-/, '$1 $2-'));
    expect(preview.content.subtitle).toMatch(/適合可能|Teams では対応不可|Teams 対象外/);
  });

  it('catches what Teams would reject (the validator can fail)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlock', text: 'x' }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/version/), expect.stringMatching(/wrap/), expect.stringMatching(/width/)]),
    );
    const huge = { type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body: [{ type: 'TextBlock', wrap: true, text: 'あ'.repeat(15000) }] };
    expect(cardProblems(huge).join()).toMatch(/exceeds/);
  });
});
