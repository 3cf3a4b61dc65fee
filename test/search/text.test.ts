import { normalize, stem, terms } from '../../bot/search/text';
import { editDistance } from '../../bot/search/spelling';
import { testEdition } from '../helpers/testServer';

describe('search text processing', () => {
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
});
