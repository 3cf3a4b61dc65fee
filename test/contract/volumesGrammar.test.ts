/**
 * 第6.0版 and 第7.0版 item IDs (contract/itemIds.ts, `volumes`): the forms
 * people type, how they are shown, and the guideline's order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VOLUMES_GRAMMAR as g, V5_GRAMMAR } from '../../contract/itemIds';

describe('the volumes grammar', () => {
  it.each([
    ['シス14⑤を見せて', 'sys-14-5'],
    ['システム運用編 14⑤', 'sys-14-5'],
    ['システム運用編 第14章 遵守事項⑤', 'sys-14-5'],
    ['シス14章第⑤条', 'sys-14-5'],
    ['sys-14-5', 'sys-14-5'],
    ['system operations 14-5', 'sys-14-5'],
    ['7.0 の 14 ⑤', 'sys-14-5'],
    ['企画管理編 12④', 'plan-12-4'],
    ['企9章②条関係', 'plan-9-2'],
    ['経営1.1①', 'gov-1.1-1'],
    ['gov-1.2.2-remedy-3', 'gov-1.2.2-remedy-3'],
    ['保守委託機関編 9④', 'mnt-9-4'],
    ['ｼｽ１４⑤', 'sys-14-5'],
  ])('finds %s as %s', (text, id) => {
    expect(g.find(text)).toEqual([id]);
  });

  it.each(['6.5 C-6', '二要素認証はいつまでに', '14-5', 'Windows 11 23H2', '2027-04-01'])('finds no ID in %s', (text) => {
    expect(g.find(text)).toEqual([]);
  });

  it('finds IDs only in text with a digit once NFKC (what lets each grammar skip its patterns)', () => {
    // Circled numbers and full-width digits become digits under NFKC, so they count.
    for (const text of ['シス⑤', '１４⑤', 'ｼｽ１４⑤', 'システム運用編 第十四章 遵守事項', 'シス十四の五', '6.5 C-6', 'system operations fourteen-five', 'sys-x-y', 'C-', '第版']) {
      const hasDigit = /[0-9]/.test(text.normalize('NFKC'));
      for (const grammar of [g, V5_GRAMMAR]) if (!hasDigit) expect(grammar.find(text)).toEqual([]);
    }
    const questions = ['questions.json', 'situations-dev.json', 'heldout.json', 'editions.json']
      .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'eval', f), 'utf8')) as Array<{ q: string }>).map((q) => q.q));
    const digitFree = questions.filter((q) => !/[0-9]/.test(q.normalize('NFKC')));
    expect(digitFree.length).toBeGreaterThan(300);
    for (const q of digitFree) {
      expect(g.find(q)).toEqual([]);
      expect(V5_GRAMMAR.find(q)).toEqual([]);
    }
  });

  it('keeps 第5版 IDs apart: neither grammar reads the other\'s', () => {
    expect(V5_GRAMMAR.find('シス14⑤')).toEqual([]);
    expect(g.find('6.5 C-6 と 7.1 C-1.3')).toEqual([]);
  });

  it('shows IDs the way the guideline\'s own cross-references do, and says when a number was not seen', () => {
    expect(g.display('sys-14-5')).toBe('シス14⑤');
    expect(g.display('plan-12-4')).toBe('企画12④');
    expect(g.display('gov-1.2.2-remedy-3')).toBe('経営1.2.2〈善後策〉③');
    expect(g.display('sys-4-x1')).toBe('シス4（番号未確認1）');
  });

  it('orders by volume, then chapter numerically, then number, unread numbers last', () => {
    const ids = ['sys-14-5', 'plan-2-1', 'sys-4-x1', 'sys-4-2', 'gov-1.2.1-1', 'sys-10-1', 'mnt-9-4', 'gov-1.1-2'];
    expect([...ids].sort(g.compare)).toEqual(['gov-1.1-2', 'gov-1.2.1-1', 'plan-2-1', 'sys-4-2', 'sys-4-x1', 'sys-10-1', 'sys-14-5', 'mnt-9-4']);
    expect(g.parts('sys-14-5')).toEqual({ section: 'sys-14', number: 5 });
    expect(g.parts('6.5-C-6')).toBeUndefined();
  });
});
