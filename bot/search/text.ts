/**
 * Text processing for search: normalisation, tokenising and term processing
 * as separate small functions, so each can be tested and swapped alone.
 */

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const ONLY_HIRAGANA = /^[\u3040-\u309f]+$/;

/** Width, case and kana folding: ｱｸｾｽ / あくせす / アクセス all become アクセス. */
export function normalize(text: string): string {
  return fold(text.normalize('NFKC').toLowerCase());
}

/**
 * normalize() of the last question, kept: one answer needs it for the
 * synonyms (queryAnalysis.ts) and for each index's n-grams (charGrams.ts).
 * One entry, so a different text never meets a stale one.
 */
let lastQuestion: string | undefined;
let lastNormalized = '';
export function normalizedQuestion(question: string): string {
  if (question !== lastQuestion) {
    lastNormalized = normalize(question);
    lastQuestion = question;
  }
  return lastNormalized;
}

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);

/**
 * Kana and punctuation folding of text that is already NFKC and lower case:
 * hiragana become katakana, long-vowel marks (サーバ / サーバー) are dropped,
 * dashes become "-". One pass over the characters (this runs for every word
 * of every question).
 */
function fold(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let replacement: string | undefined;
    if (c >= 0x3041 && c <= 0x3096) replacement = String.fromCharCode(c + 0x60);
    else if (c === 0x30fc) replacement = '';
    else if (DASHES.has(c)) replacement = '-';
    else continue;
    out += text.slice(start, i) + replacement;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

export function isJapanese(text: string): boolean {
  return CJK.test(text);
}

/** Function words that carry no topic (in katakana-folded form for Japanese). */
const JA_STOP = new Set([
  'ハ', 'ガ', 'ヲ', 'ニ', 'デ', 'ト', 'ノ', 'モ', 'カ', 'ヤ', 'ヘ', 'ヨ', 'ネ', 'ナ', 'ダ', 'タ', 'テ',
  'マス', 'デス', 'スル', 'シテ', 'サレ', 'レル', 'ラレル', 'イル', 'アル', 'ナイ', 'ナル', 'ドウ', 'ドノ', 'ドレ', 'ナニ', 'ナン', 'ドコ', 'イツ',
  'コト', 'モノ', 'ヨウ', 'タメ', 'ナド', 'トキ', 'バアイ', 'デキ', 'デキル', 'イイ', 'ヨイ', 'クダサイ', 'マセン', 'デショウ', 'ダロウ',
  'シタイ', 'タイ', 'ケド', 'カラ', 'マデ', 'ヨリ', 'ソレ', 'コレ', 'アレ', 'ソノ', 'コノ', 'オ', 'ゴ', 'ラ', 'ッテ', 'テル', 'マシタ', 'シ', 'サ', 'セ', 'ソ',
  'ラレ', 'レ', 'ル', 'イ', 'ウ', 'エ', 'キ', 'ク', 'ケ', 'コ', 'ス', 'ツ', 'ヌ', 'ミ', 'ム', 'メ', 'リ', 'ロ', 'ワ', 'ン', 'ッ',
  '方法', '必要', '教エテ', '知リタイ', '場合', '時',
]);

/**
 * Words that say how or whether something is asked, not what about
 * (やり方, 大丈夫, anything, right now): they count for ranking but not for
 * how much of a question an item answers. Japanese in katakana-folded form.
 */
const GENERIC = new Set([
  '何', 'ヤリ方', '仕方', 'シ方', '以外', '大丈夫', 'ダメ', 'OK', '本当', '今', '事', '物', '人', '時間', '感ジ', '一番', '全部', '普通', '最近', '結局',
  '教エル', '教エ', '分カル', '分カラ', 'ワカラ', 'ワカル', '思ウ', '思イ', '考エ', '聞キ', '見タイ', '言ワ', '言ウ', 'イイノ', 'ヨイノ', 'ダッケ', 'ナンデ',
  'something', 'anything', 'everything', 'someone', 'anyone', 'everyone', 'right', 'now', 'just', 'still', 'really', 'actually', 'also', 'even',
  'thing', 'thing', 'stuff', 'kind', 'sort', 'lot', 'lots', 'much', 'many', 'some', 'other', 'else', 'give', 'make', 'take', 'go', 'going', 'come',
  'like', 'think', 'say', 'said', 'let', 'lets', 'put', 'find', 'look', 'see', 'good', 'bad', 'fine', 'best', 'better', 'new', 'old', 'thanks', 'thank',
]);

const EN_STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been',
  'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might', 'must', 'how', 'what', 'when', 'where', 'which', 'who',
  'why', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'our', 'us', 'you', 'your', 'i', 'my', 'me', 'they', 'them', 'their', 'there',
  'have', 'has', 'had', 'not', 'no', 'yes', 'any', 'all', 'if', 'so', 'about', 'into', 'than', 'then', 'out', 'up', 'need', 'needs', 'want',
  'use', 'using', 'teams', 'microsoft', 'ms', 'please', 'tell', 'show', 'get', 'way', 'allowed', 'ok', 'okay', 'handled', 'handle', 'know',
]);

/** A very light English stemmer: enough to meet "logs" with "log", "encrypted" with "encrypt". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ion') && w.length > 6) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** logg → log, stopp → stop (but keep -ll, -ss, -zz: install, access). */
function undouble(w: string): string {
  return /([^aeiouls z])\1$/.test(w) ? w.slice(0, -1) : w;
}

const HAS_KANJI = /[\u3400-\u9fff]/;

/** One word of a text with the index terms it yields. */
export interface Word {
  /** The normalised word. */
  text: string;
  /** Its terms: the word (stemmed, for English) and, for kanji compounds, its bigrams. */
  terms: string[];
  /**
   * Whether the word carries meaning of its own: an unknown content word
   * (背景, blur) is evidence that a question is about something else, while
   * short kana left over from grammar (すれ, ちゃう) is not.
   */
  content: boolean;
}

/**
 * Terms of a text: for Japanese, the segmenter's words (minus function
 * words) and the character bigrams inside each word, which catch compounds
 * the segmenter splits differently; for English, stemmed words.
 */
export function terms(text: string, options: { bigrams?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const w of words(text, options)) for (const t of w.terms) out.push(t);
  return out;
}

/** The words of a text, each with its terms (see terms()). */
export function words(text: string, options: { bigrams?: boolean } = {}): Word[] {
  const withBigrams = options.bigrams ?? true;
  const out: Word[] = [];
  // Plain ASCII (most English questions) is split by a pattern that keeps
  // exactly the segmenter's words (letters and digits joined by inner dots or
  // apostrophes), at a fraction of its cost.
  if (PRINTABLE_ASCII.test(text)) {
    for (const m of text.toLowerCase().matchAll(ASCII_WORD)) latinWords(m[0], out);
    return out;
  }
  // A hyphen typed for the long-vowel mark inside katakana (パスワ-ド) is that mark.
  const prepared = text.normalize('NFKC').replace(/(?<=[\u30a1-\u30f6])[-‐－―—−](?=[\u30a1-\u30f6])/g, 'ー');
  // Segment by segment with containing(): the same segments as iterating,
  // without the iterator's own copy of the break iterator (a fifth of the
  // segmenter's cost per question).
  const segments = segmenter.segment(prepared);
  for (let at = 0; at < prepared.length;) {
    const seg = segments.containing(at)!;
    at = seg.index + seg.segment.length;
    if (!seg.isWordLike) continue;
    const raw = seg.segment;
    // The text is NFKC already: only case and kana are left to fold.
    const word = fold(raw.toLowerCase());
    if (!word) continue;
    if (CJK.test(word)) {
      // Grammar (は, ます, される) is dropped; short hiragana words that survive
      // (ろぐ, すまほ) are kept, and count only if the index knows them.
      const onlyHiragana = ONLY_HIRAGANA.test(raw);
      if (JA_STOP.has(word) || JA_STOP.has(raw) || (onlyHiragana && raw.length === 1)) continue;
      const ts = [word];
      const hasKanji = HAS_KANJI.test(raw);
      // Bigrams only where kanji are involved: katakana loanwords are segmented
      // well, and their bigrams (ログ inside プログラム) mostly add noise.
      if (withBigrams && hasKanji && word.length > 2) {
        for (let i = 0; i + 2 <= word.length; i += 1) {
          const bigram = word.slice(i, i + 2);
          if (bigram !== word) ts.push(bigram);
        }
      }
      out.push({ text: word, terms: ts, content: !(onlyHiragana && raw.length <= 3) && !GENERIC.has(word) && word.length >= (hasKanji ? 1 : 2) });
    } else {
      latinWords(word, out);
    }
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e\t\r\n]*$/;
// Unicode word boundaries (UAX #29) for ASCII: letters join across . ' : and
// digits across . , ; ' — but a letter and a digit never join across them.
const ASCII_WORD = /[a-z0-9_]+(?:(?<=[a-z_])[.':](?=[a-z_])[a-z0-9_]+|(?<=[0-9])[.,;'](?=[0-9])[a-z0-9_]+)*/g;

/** The stemmed, non-stop-word parts of one latin word. */
function latinWords(word: string, out: Word[]): void {
  // Most words are letters and digits only: themselves, without splitting.
  if (LETTERS_AND_DIGITS.test(word)) {
    latinWord(word, out);
    return;
  }
  for (const part of word.split(/[^a-z0-9.]+/)) latinWord(part.replace(/^\.+|\.+$/g, ''), out);
}

const LETTERS_AND_DIGITS = /^[a-z0-9]+$/;

function latinWord(w: string, out: Word[]): void {
  if (!w || EN_STOP.has(w)) return;
  out.push({ text: w, terms: [stem(w)], content: w.length >= 3 && !/^\d+$/.test(w) && !GENERIC.has(w) });
}
