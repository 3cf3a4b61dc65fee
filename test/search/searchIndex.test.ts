/**
 * Behaviour of the search index that the answer-quality figures rest on.
 */
import { testEdition } from '../helpers/testServer';
import { SearchIndex } from '../../bot/search/searchIndex';
import { isAnswer } from '../../bot/conversation/answerPolicy';
import { V5_GRAMMAR } from '../../contract/itemIds';
import type { Item } from '../../contract/reference';

const ref = testEdition();
const index = new SearchIndex(ref.items, ref.ids, ref.vocabulary);
const top = (q: string) => index.search(q, { limit: 3 }).hits.map((h) => h.item.id);

describe('SearchIndex', () => {
  it('finds items through the askedAs phrasings, in everyday words', () => {
    // Neither 落とした nor iPhone is in the item's own text about theft or loss.
    const itemText = JSON.stringify({ ...ref.itemById.get('6.9-C-3'), askedAs: undefined });
    expect(itemText).not.toContain('落とし');
    expect(top('iPhone落としちゃった、Teams入ってるんだけど')).toContain('6.9-C-3');
  });

  it('says "no good match" when the item shares only generic words with the question', () => {
    for (const q of ['会議中に背景をぼかすにはどうすればいいですか', 'きょうの食堂のメニューなに？', 'how do I mute everyone in a meeting']) {
      expect({ q, answer: isAnswer(index.search(q).hits) }).toEqual({ q, answer: false });
    }
    expect(isAnswer(index.search('アクセスログはどう管理されていますか').hits)).toBe(true);
  });

  it('measures coverage: how much of the question the best item answers', () => {
    const specific = index.search('監査ログの保存期間').hits[0];
    const vague = index.search('監査ログとブレイクアウトルームと駐車場の予約').hits[0];
    expect(specific.coverage).toBeGreaterThan(vague.coverage);
    expect(specific.coverage).toBeLessThanOrEqual(1);
    // Coverage is the item's own: items of one search differ.
    const hits = index.search('退職した医師のアカウントを止める', { limit: 10 }).hits;
    expect(new Set(hits.map((h) => h.coverage.toFixed(3))).size).toBeGreaterThan(2);
  });

  it('triggers a vocabulary entry that loses stop words only where it is written out', () => {
    // "who accessed" (access-log vocabulary) reduces to the term "access": it
    // must not turn every question about guest access into one about logs.
    const guest = top('restrict guest access');
    expect(guest.slice(0, 3)).toContain('6.11-C-2');
    expect(guest[0]).not.toBe('6.5-C-6');
    expect(top('who accessed this patient record')).toContain('6.5-C-6');
  });

  it('returns as many results as asked for, beyond the re-ranked few', () => {
    const many = index.search('ログ', { limit: 50 }).hits;
    expect(many.length).toBeGreaterThan(20);
    const scores = many.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(index.search('ログ', { limit: 3 }).hits.map((h) => h.item.id)).toEqual(many.slice(0, 3).map((h) => h.item.id));
  });

  it('gives the same answer to a question however many other questions, or other indexes, came before it', () => {
    const snapshot = (q: string, i = index) => i.search(q, { limit: 5 }).hits.map((h) => [h.item.id, h.score, h.coverage, h.similarity]);
    const other = new SearchIndex(ref.items.slice(0, 40), ref.ids, ref.vocabulary);
    const questions = ['アクセスログはどう管理されていますか', 'USBﾒﾓﾘをなくした', 'how is access logging handled?'];
    const fresh = questions.map((q) => snapshot(q, new SearchIndex(ref.items, ref.ids, ref.vocabulary)));
    for (const [k, q] of questions.entries()) {
      other.search(q, { limit: 5 });
      expect(snapshot(q)).toEqual(fresh[k]);
      expect(snapshot(questions[(k + 1) % questions.length])).toEqual(fresh[(k + 1) % questions.length]);
      expect(snapshot(q)).toEqual(fresh[k]);
    }
  });

  it('puts a typed item ID first', () => {
    expect(top('6.9 C-7 について')[0]).toBe('6.9-C-7');
  });

  it('breaks ties in guideline order (6.2 before 6.10, C before D), not in string order', () => {
    const same = (id: string): Item => {
      const p = V5_GRAMMAR.parts(id)!;
      const t = { ja: '同じ文言の項目', en: 'an item worded the same' };
      return { id, section: p.section, level: p.level as 'C' | 'D', number: p.number, title: t, requirement: t, topics: ['same'], conformity: 'conformable', teams: t, documents: ['27'], certifications: [], actions: [t], confidence: 'high' };
    };
    const tied = new SearchIndex(['6.10-C-1', '6.2-D-1', '6.2-C-2', '6.2-C-10'].map(same), V5_GRAMMAR, { synonyms: [] });
    expect(tied.search('同じ文言', { limit: 4 }).hits.map((h) => h.item.id)).toEqual(['6.2-C-2', '6.2-C-10', '6.2-D-1', '6.10-C-1']);
  });
});
