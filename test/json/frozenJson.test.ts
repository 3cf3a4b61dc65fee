/**
 * jsonBytes() writes the same bytes as Buffer.from(JSON.stringify(x)), while
 * copying the cached bytes of parts frozen with freezeJson().
 */
import { freezeJson, isFrozenJson, jsonBytes, jsonParts, JsonTemplate } from '../../bot/json/frozenJson';
import { createItemCard } from '../../bot/cards/itemCard';
import { createHelpCard } from '../../bot/cards/helpCard';
import { createNoMatchCard } from '../../bot/cards/noMatchCard';
import { createSectionCard } from '../../bot/cards/sectionCard';
import { ItemCardCache } from '../../bot/cards/cardCache';
import { createCardLinks } from '../../bot/cards/links';
import { testEdition, testLibrary } from '../helpers/testServer';

const same = (value: unknown) => {
  const json = JSON.stringify(value);
  expect(jsonBytes(value).toString('utf8')).toBe(json);
  // The same JSON in pieces (for writing a response piece by piece), with its length in bytes.
  const { parts, byteLength } = jsonParts(value);
  const joined = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  expect(joined.toString('utf8')).toBe(json);
  expect(byteLength).toBe(Buffer.byteLength(json, 'utf8'));
};

describe('jsonBytes', () => {
  it('matches JSON.stringify for scalars, escapes and what JSON leaves out', () => {
    const awkward = ['', 'plain', 'クォート"と\\バックスラッシュ', 'tab\tnewline\ncontrol\u0001\u001f', 'emoji 🏥 pair', 'lone \ud800 high', 'lone \udc00 low', '\u2028\u2029', '</script>'];
    for (const s of awkward) {
      same(s);
      same({ [s]: s });
      same([s]);
    }
    for (const n of [0, -0, 1.5, -1e21, 1e-7, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER]) same({ n, list: [n] });
    same(null);
    same(true);
    same({ a: undefined, b: () => 1, c: Symbol('x'), d: null, e: false });
    same([undefined, () => 1, Symbol('x'), null]);
    // eslint-disable-next-line no-sparse-arrays
    same([1, , 3]);
    same({ when: new Date(Date.UTC(2026, 10, 26)), map: new Map([[1, 2]]), nested: { toJSON: () => ({ replaced: true }) }, gone: { toJSON: () => undefined } });
    same(Object.assign(Object.create(null), { noPrototype: 1 }));
    same({ deep: [[[[{ x: [] }]]]], empty: {} });
  });

  it('matches JSON.stringify for mixed frozen and unfrozen parts, each part many times', () => {
    const shared = freezeJson({ type: 'TextBlock', text: '共有される部分 "quoted"', items: [{ a: 1 }, [2, 3]], nothing: undefined });
    const body = { activities: [{ type: 'message', attachments: [{ content: { body: [{ text: '質問ごとの部分' }, shared, shared], actions: shared.items } }] }] };
    for (let i = 0; i < 3; i += 1) same(body);
    same(shared);
    same([shared, { inner: shared }]);
  });

  it('matches JSON.stringify for every card shape the bot sends, cached or not', () => {
    const library = testLibrary();
    const edition = testEdition();
    const cache = new ItemCardCache();
    const links = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555' });
    for (const locale of ['ja', 'en'] as const) {
      for (const item of edition.items.slice(0, 40)) {
        const related = edition.items.filter((o) => o.section === item.section && o.id !== item.id).slice(0, 4);
        for (let i = 0; i < 2; i += 1) {
          const answer = createItemCard(item, {
            library, edition, cache, locale, links, related, question: `「${item.title.ja}」"${i}"は?`, channelState: i ? { status: 'partial', owner: null } : undefined,
          });
          same({ activities: [{ type: 'message', attachments: [{ content: answer }] }] });
          same(createItemCard(item, { library, edition, cache, locale, standalone: true, links }));
        }
      }
      same(createHelpCard(edition, locale, { welcome: true }));
      same(createSectionCard(library, edition, edition.sections[0], edition.itemsInSection(edition.sections[0].id), locale));
      same(createNoMatchCard(library, edition, '背景をぼかす "方法"', edition.items.slice(0, 3), locale));
    }
  });

  it('fills a template\'s holes: the same bytes as JSON.stringify, whatever the values, and a frozen copy', () => {
    const hole = '\u0000q\u0000';
    const other = '\u0000s\u0000';
    const template = new JsonTemplate({
      type: 'AdaptiveCard',
      // A marker inside a longer string, or as a key, is not a hole.
      body: [{ type: 'TextBlock', text: hole }, { text: `not ${hole} a hole` }, { [hole]: 'key' }, { list: [other, 1, hole] }],
      speak: hole,
      n: 1,
      gone: undefined,
    }, new Set([hole, other]));
    const awkward = ['', 'plain', '質問 "引用" \\ と改行\n', 'lone \ud800', '\u2028', hole, '\u0000s\u0000', '"\\u0000q\\u0000"', '</script>'];
    for (const a of awkward) {
      for (const b of awkward) {
        const card = template.fill({ [hole]: a, [other]: b });
        expect(card.speak).toBe(a);
        expect((card.body[3] as { list: unknown[] }).list).toEqual([b, 1, a]);
        expect((card.body[1] as { text: string }).text).toBe(`not ${hole} a hole`);
        same(card);
        same({ activities: [{ attachments: [{ content: card }, { content: card }] }] });
        expect(Object.isFrozen(card) && Object.isFrozen(card.body) && Object.isFrozen(card.body[0])).toBe(true);
      }
    }
    // Unfilled holes are empty; a template without holes still hands out a copy.
    same(template.fill({}));
    expect(template.fill({}).speak).toBe('');
    const plain = new JsonTemplate({ a: [1, 'x'], b: { c: 'd' } }, new Set([hole]));
    const copy = plain.fill({});
    expect(copy).not.toBe(plain.template);
    expect(copy).toEqual({ a: [1, 'x'], b: { c: 'd' } });
    same(copy);
    // The template itself never changes.
    expect(template.template.speak).toBe(hole);
  });

  it('never hands out the cached bytes of a frozen part', () => {
    const edition = testEdition();
    const card = createItemCard(edition.items[0], { library: testLibrary(), edition, cache: new ItemCardCache(), locale: 'ja' });
    const frozenChildren = (card.body as unknown[]).filter(isFrozenJson);
    expect(frozenChildren.length).toBeGreaterThan(3);
    for (const value of [card, frozenChildren[0]]) {
      jsonBytes(value).fill(0x20);
      expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
    }
  });

  it('refuses what it cannot serialise instead of looping', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => jsonBytes(loop)).toThrow(TypeError);
    expect(() => jsonBytes(undefined)).toThrow(TypeError);
    expect(() => jsonBytes({ big: BigInt(1) })).toThrow(TypeError);
  });
});

describe('freezeJson', () => {
  it('freezes plain JSON data all the way down', () => {
    const value = freezeJson({ a: { b: [1, { c: 'x' }] } });
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(isFrozenJson(value.a.b)).toBe(true);
    expect(() => { (value.a.b[1] as { c: string }).c = 'y'; }).toThrow(TypeError);
  });

  it('refuses objects whose JSON could still change or does not exist', () => {
    expect(() => freezeJson({ when: new Date() })).toThrow(TypeError);
    expect(() => freezeJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => freezeJson({ m: new Map() })).toThrow(TypeError);
    expect(isFrozenJson(Object.freeze({ frozenElsewhere: true }))).toBe(false);
  });
});
