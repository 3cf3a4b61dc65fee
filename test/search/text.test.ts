import { editDistance, normalize, stem, terms } from '../../bot/search/text';

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
});
