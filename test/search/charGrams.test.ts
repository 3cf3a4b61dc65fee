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
