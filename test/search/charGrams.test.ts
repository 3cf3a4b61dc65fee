/**
 * The n-gram similarity (bot/search/charGrams.ts): what it catches that word
 * matching misses, and that it stays a similarity (0–1, best phrasing wins).
 */
import { CharGramIndex, charGrams } from '../../bot/search/charGrams';

describe('character n-grams', () => {
  it('fold width and kana, so half-width katakana meet full-width', () => {
    expect(charGrams('ｱｶｳﾝﾄ')).toEqual(charGrams('アカウント'));
    expect(charGrams('あかうんと')).toEqual(charGrams('アカウント'));
  });

  it('share most n-grams between inflections of one verb', () => {
    const a = new Set(charGrams('持ち帰った'));
    const shared = charGrams('持ち帰る').filter((g) => a.has(g));
    expect(shared).toContain('持チ帰');
  });

  it('read English as word stems and word pairs', () => {
    expect(charGrams('The stolen laptops')).toEqual(expect.arrayContaining(['w:stolen', 'w:laptop', 'w:stolen_laptop']));
  });
});

describe('CharGramIndex', () => {
  const index = new CharGramIndex([
    { item: 0, text: 'ノートPCを家に持ち帰って仕事をしたい' },
    { item: 0, text: 'USBメモリを紛失した' },
    { item: 1, text: '退職した職員のアカウントを止める' },
    { item: 2, text: '停電でサーバーが止まった' },
  ], 3);

  it('scores each item by its closest phrasing, between 0 and 1', () => {
    const scores = index.scores('USBﾒﾓﾘをなくした');
    expect(scores.get(0)).toBeGreaterThan(0.3);
    expect(scores.get(0)).toBeLessThanOrEqual(1);
    expect(scores.get(1) ?? 0).toBeLessThan(scores.get(0)!);
    expect(index.scores('USBメモリを紛失した').get(0)).toBeCloseTo(1, 5);
  });

  it('finds nothing for a question sharing no n-gram, and leaves no state behind', () => {
    expect(index.scores('xyz').size).toBe(0);
    const once = index.scores('退職者のアカウント');
    expect(index.scores('退職者のアカウント')).toEqual(once);
  });
});

describe('CharGramIndex looks n-grams up by number', () => {
  // The definition, with strings: tf-idf over each text's distinct n-grams (charGrams()),
  // n-grams in more than max(2, 1 %) of the phrasings dropped, an item scoring its best phrasing's cosine.
  function byDefinition(phrasings: Array<{ item: number; text: string }>, question: string): Map<number, number> {
    const grams = phrasings.map((p) => charGrams(p.text));
    const df = new Map<string, number>();
    for (const gs of grams) for (const g of gs) df.set(g, (df.get(g) ?? 0) + 1);
    const maxDf = Math.max(2, Math.floor(phrasings.length * 0.01));
    const idf = (g: string) => ((df.get(g) ?? Infinity) <= maxDf ? Math.log(1 + phrasings.length / df.get(g)!) : 0);
    const q = charGrams(question).filter((g) => idf(g) > 0);
    const qNorm = Math.sqrt(q.reduce((a, g) => a + idf(g) ** 2, 0));
    const out = new Map<number, number>();
    grams.forEach((gs, pid) => {
      const pNorm = Math.sqrt(gs.reduce((a, g) => a + idf(g) ** 2, 0)) || 1;
      const dot = q.filter((g) => gs.includes(g)).reduce((a, g) => a + idf(g) ** 2, 0);
      if (dot > 0) out.set(phrasings[pid].item, Math.max(out.get(phrasings[pid].item) ?? 0, dot / pNorm / qNorm));
    });
    return out;
  }
  const phrasings = [
    { item: 0, text: 'ノートPCを家に持ち帰って仕事をしたい' },
    { item: 0, text: 'laptop taken home over the weekend' },
    { item: 1, text: '退職した職員のアカウントを止める' },
    { item: 1, text: 'the account of a nurse who left is still active' },
    { item: 2, text: '停電でサーバーが止まった、院 の 鍵' },
    { item: 2, text: '々 と 〆 と 院' },
  ];
  const index = new CharGramIndex(phrasings, 3);

  it.each([
    'ノートPCを持ち帰りたい', '退職者のｱｶｳﾝﾄを止めたい', 'サーバー止まった止まった', '院', '鍵と院',
    'laptop home', 'nurse account left active', '々〆', '未知の漢字だけ', 'PCとlaptopを家に',
    // Each n-gram counts once however often the question repeats it, also past a thousand n-grams.
    '退職退職退職した職員職員のアカウント', 'laptop laptop home home laptop', '退職した職員のアカウントを止める'.repeat(60),
    'ノートPCを家に持ち帰って仕事をしたい 退職した職員のアカウントを止める 停電でサーバーが止まった'.repeat(25),
  ])('%s: the same scores as the string definition', (question) => {
    const got = index.scores(question);
    const want = byDefinition(phrasings, question);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [item, s] of want) expect(got.get(item)).toBeCloseTo(s, 5);
  });

  it('finds English n-grams first numbered by an index built after the question was first looked up', () => {
    const question = 'zebrafish quokka laptop';
    const first = new CharGramIndex([{ item: 0, text: 'laptop taken home' }, { item: 1, text: 'something else entirely' }], 2);
    expect([...first.scores(question).keys()]).toEqual([0]);
    // Built lazily, as the new rules' index is on the first answer: its n-grams get numbers now.
    const later = new CharGramIndex([{ item: 0, text: 'zebrafish quokka' }, { item: 1, text: 'laptop' }], 2);
    const want = byDefinition([{ item: 0, text: 'zebrafish quokka' }, { item: 1, text: 'laptop' }], question);
    const got = later.scores(question);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [item, s] of want) expect(got.get(item)).toBeCloseTo(s, 5);
  });

  it('keeps counting each n-gram once after 65,536 questions (when its marks are reused)', () => {
    const question = '退職退職した職員職員のアカウント';
    const want = byDefinition(phrasings, question);
    for (let i = 0; i < 70_000; i += 1) index.scores(i % 2 ? question : 'laptop home');
    const got = index.scores(question);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [item, s] of want) expect(got.get(item)).toBeCloseTo(s, 5);
  });

  it('counts each n-gram once in a question with thousands of them', () => {
    // 300 phrasings of distinct kanji: the question, all of them in a row, has about 7,000 distinct n-grams the index knows.
    const many = Array.from({ length: 300 }, (_, i) => ({ item: i % 7, text: Array.from({ length: 12 }, (__, j) => String.fromCharCode(0x4e00 + ((i * 12 + j) * 7) % 20000)).join('') }));
    const big = new CharGramIndex(many, 7);
    const question = many.map((p) => p.text).join('') + many[0].text;
    const want = byDefinition(many, question);
    const got = big.scores(question);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [item, s] of want) expect(got.get(item)).toBeCloseTo(s, 5);
    // And the next question starts from nothing.
    const next = big.scores(many[1].text);
    const nextWant = byDefinition(many, many[1].text);
    expect([...next.keys()].sort()).toEqual([...nextWant.keys()].sort());
    for (const [item, s] of nextWant) expect(next.get(item)).toBeCloseTo(s, 5);
  });
});
