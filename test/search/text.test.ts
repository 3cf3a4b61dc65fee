import { normalize, normalizedQuestion, stem, terms } from '../../bot/search/text';
import { editDistance } from '../../bot/search/spelling';
import { testEdition } from '../helpers/testServer';

describe('search text processing', () => {
  it('keeps the last question normalised, never a stale one', () => {
    for (const q of ['ｱｸｾｽﾛｸﾞ', 'ｱｸｾｽﾛｸﾞ', 'Access LOG', 'ｱｸｾｽﾛｸﾞ', '']) expect(normalizedQuestion(q)).toBe(normalize(q));
  });

  it('folds width, case, kana and long-vowel marks', () => {
    expect(normalize('ｱｸｾｽﾛｸﾞ')).toBe(normalize('アクセスログ'));
    expect(normalize('あくせす')).toBe(normalize('アクセス'));
    expect(normalize('サーバー')).toBe(normalize('サーバ'));
    expect(normalize('ＭＦＡ')).toBe('mfa');
  });

  it('drops Japanese particles and keeps content words with their bigrams', () => {
    const t = terms('アクセスログはどう管理されていますか');
    expect(t).toContain(normalize('管理'));
    expect(t.some((x) => x.includes(normalize('ログ')))).toBe(true);
    expect(t).not.toContain(normalize('は'));
    expect(t).not.toContain(normalize('ます'));
  });

  it('reads a hyphen inside katakana as the long-vowel mark', () => {
    expect(terms('パスワ-ド')).toEqual(terms('パスワード'));
  });

  it('stems English words and drops stop words', () => {
    expect(terms('How are the audit logs kept?')).toEqual(['audit', 'log', 'kept']);
    expect(stem('encrypted')).toBe(stem('encrypt'));
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('encrpytion', 'encryption', 2)).toBe(1);
    expect(editDistance('password', 'passwrd', 1)).toBe(1);
    expect(editDistance('log', 'backup', 1)).toBeGreaterThan(1);
  });

  it('splits plain ASCII exactly as the word segmenter does (the fast path changes nothing)', () => {
    // A kanji added to the text sends it through Intl.Segmenter; it yields one term of its own.
    const viaSegmenter = (text: string) => terms(`${text} 漢`).filter((t) => t !== '漢');
    const samples = [
      "don't e.g. U.S. 1,000 foo_bar a:b wi-fi TLS1.2. v1.2 hello.world it's 3.5x 'quoted' end. next",
      "6.5 C.11 c.d.e 1;2 a;b x.1 1.x a1.b2 2FA 3,5,7 a'1 1'000 x:y:z 1:2 ..a.. a..b http://x.y/z?a=b&c=d #tag @user $5 100% a/b",
    ];
    for (const item of testEdition().items) {
      for (const text of [item.title.en, item.requirement.en, item.teams!.en, ...item.actions!.map((a) => a.en)]) {
        samples.push(...text.split(/(?<=[.;])\s+/).filter((s) => /^[\x20-\x7e]*$/.test(s)));
      }
    }
    expect(samples.length).toBeGreaterThan(500);
    const differing = samples.filter((s) => JSON.stringify(terms(s)) !== JSON.stringify(viaSegmenter(s)));
    expect(differing).toEqual([]);
  });

  it('walks the segmenter\'s segments with containing() exactly as iterating them yields them (what words() relies on)', () => {
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    const texts = ['', ' ', '𠮷野家のログ', '🏥病院でｱｸｾｽﾛｸﾞ', 'パスワ-ドを忘れた', 'e.g. U.S. 1,000 と 6.5 C-6', 'a\u0301b\u200dc'];
    for (const item of testEdition().items) {
      texts.push(item.title.ja, item.requirement.ja, item.teams!.ja, ...item.actions!.map((a) => a.ja), ...(item.askedAs?.ja ?? []), ...(item.situations?.ja ?? []));
    }
    let compared = 0;
    for (const raw of texts) {
      const text = raw.normalize('NFKC');
      const iterated = [...segmenter.segment(text)].map((s) => [s.segment, s.index, s.isWordLike]);
      const walked: unknown[] = [];
      const segments = segmenter.segment(text);
      for (let at = 0; at < text.length;) {
        const s = segments.containing(at)!;
        walked.push([s.segment, s.index, s.isWordLike]);
        at = s.index + s.segment.length;
      }
      expect(walked).toEqual(iterated);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
