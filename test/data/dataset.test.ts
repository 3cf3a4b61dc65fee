/**
 * The dataset as a whole: complete against the research index, bilingual,
 * honest about uncertainty, and written item by item (no sentence pasted
 * into two items). What the loader itself refuses (duplicate IDs, IDs that
 * disagree with their section, unknown documents, missing review notes) is
 * tested in loadLibrary.test.ts, against bad copies of the data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testEdition, testLibrary } from '../helpers/testServer';
import { checkDocument, checkItem, loadRetiredNames, loadSectionChecks } from '../../scripts/data/contentRules';
import { defaultDataDir } from '../../bot/reference/loadLibrary';
import type { Item, LocalizedText } from '../../contract/reference';

const ref = testEdition();
const library = testLibrary();
const dataDir = process.env.DATA_DIR || defaultDataDir();
const index: Array<{ id: string; section: string; confidence: string }> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../data/source/guideline-v5-items.json'), 'utf8'),
);
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * Sentences of 25 characters or more that stand in two items (copy-paste),
 * as `first & second: sentence`. `seen` carries the sentences of items
 * checked before (sentence → item ID).
 */
function sharedSentences(items: readonly Item[], texts: (item: Item) => LocalizedText[], seen = new Map<string, string>()): string[] {
  const dupes: string[] = [];
  for (const item of items) {
    const mine = new Set<string>();
    for (const t of texts(item)) {
      for (const lang of ['ja', 'en'] as const) {
        for (const raw of t[lang].split(/(?<=[。．.!?！？])\s*/)) {
          const s = raw.replace(/\s+/g, ' ').trim();
          if (s.length < 25 || mine.has(s)) continue;
          mine.add(s);
          const other = seen.get(s);
          if (other && other !== item.id) dupes.push(`${other} & ${item.id}: ${s}`);
          else seen.set(s, item.id);
        }
      }
    }
  }
  return dupes;
}

describe('the reference dataset', () => {
  it('has exactly the items of the research index, with the same IDs', () => {
    expect(ref.items.map((i) => i.id).sort()).toEqual(index.map((i) => i.id).sort());
    expect(ref.items).toHaveLength(index.length);
  });

  it('carries each item\'s confidence over from the index', () => {
    for (const entry of index) {
      const item = ref.itemById.get(entry.id);
      if (item) expect({ id: item.id, confidence: item.confidence }).toEqual({ id: entry.id, confidence: entry.confidence });
    }
  });

  it('fills every text field in both languages, with Japanese in the Japanese fields', () => {
    for (const item of ref.items) {
      const texts = [item.title, item.requirement, item.teams!, ...item.actions!, ...(item.licensing ? [item.licensing] : []), ...(item.review ? [item.review] : [])];
      for (const t of texts) {
        expect(t.ja.trim().length).toBeGreaterThan(0);
        expect(t.en.trim().length).toBeGreaterThan(0);
        expect(JAPANESE.test(t.ja)).toBe(true);
        // English fields are English: at most a few Japanese names in quotes.
        const jaChars = [...t.en].filter((c) => JAPANESE.test(c)).length;
        expect({ id: item.id, ratio: jaChars / t.en.length < 0.2 }).toEqual({ id: item.id, ratio: true });
      }
    }
  });

  it('gives every conformable item Teams coverage, a document and an action', () => {
    for (const item of ref.items.filter((i) => i.conformity === 'conformable')) {
      expect(item.teams!.ja.length).toBeGreaterThan(20);
      expect(item.documents.length).toBeGreaterThan(0);
      expect(item.actions!.length).toBeGreaterThan(0);
    }
  });

  it('cites every Teams claim: the coverage text names the documents it rests on', () => {
    for (const item of ref.items) {
      for (const n of item.documents) {
        // Each cited document is referred to as "文書 NN" / "document NN" in the coverage or actions,
        // so a reader can tell which claim rests on which source.
        const all = [item.teams!.ja, ...item.actions!.map((a) => a.ja), item.licensing?.ja ?? ''].join(' ');
        expect({ id: item.id, doc: n, cited: all.includes(`文書${n}`) || all.includes(`文書 ${n}`) }).toEqual({ id: item.id, doc: n, cited: true });
      }
    }
  });

  it('gives every item phrasings of how people ask about it, each used for one item only', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const item of ref.items) {
      const asked = item.askedAs;
      if (!asked || asked.ja.length < 4 || asked.en.length < 2) problems.push(`${item.id}: fewer than 4 ja / 2 en askedAs phrasings`);
      for (const p of [...(asked?.ja ?? []), ...(asked?.en ?? [])]) {
        const key = p.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
        const other = owner.get(key);
        if (other && other !== item.id) problems.push(`${other} & ${item.id}: ${p}`);
        owner.set(key, item.id);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no sentence shared by two items (copy-paste check)', () => {
    expect(sharedSentences(ref.items, (item) => [item.requirement, item.teams!, ...item.actions!])).toEqual([]);
  });

  it('holds only items that passed the content checklist, each with its check record (data/checks/)', () => {
    const retiredNames = loadRetiredNames(dataDir);
    const checks = loadSectionChecks(dataDir);
    // Every item: a conformity reason, the requirement's source, the date it was checked, what to verify, and a second reading.
    const incomplete = ref.items.filter((i) => !i.conformityReason || !i.requirementSource || !i.checkedOn || !i.review || !checks.get(i.id)?.secondReading);
    expect(incomplete.map((i) => i.id)).toEqual([]);
    const findings = ref.items.flatMap((item) => checkItem(item, { retiredNames, documentByNumber: library.documentByNumber, check: checks.get(item.id) }))
      .filter((f) => f.severity === 'error');
    expect(findings).toEqual([]);
  });

  describe.each(library.editions.filter((e) => e !== library.defaultEdition).map((e) => [e.info.label.en, e.id] as const))('%s: rows with Teams coverage of their own', (_label, editionId) => {
    // Read from the files: in memory, 第7.0版 rows also carry coverage written for their 第6.0版 counterpart.
    const refDir = path.join(dataDir, editionId, 'reference');
    const own = fs.readdirSync(refDir).filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(refDir, f), 'utf8')) as { items: Array<{ id: string; conformity?: string }> }).items)
      .filter((i) => i.conformity !== undefined)
      .map((i) => library.edition(editionId)!.itemById.get(i.id)!);

    it('passed the content checklist, each with its check record and second reading (data/checks/<edition>/)', () => {
      expect(own.length).toBeGreaterThan(0);
      const retiredNames = loadRetiredNames(dataDir);
      const checks = loadSectionChecks(dataDir, editionId);
      expect(own.filter((i) => !checks.get(i.id)?.secondReading).map((i) => i.id)).toEqual([]);
      const findings = own.flatMap((item) => checkItem(item, { retiredNames, documentByNumber: library.documentByNumber, check: checks.get(item.id) }))
        .filter((f) => f.severity === 'error');
      expect(findings).toEqual([]);
      for (const id of checks.keys()) expect(own.map((i) => i.id)).toContain(id);
    });

    it('shares no sentence with another row or with a 第5版 item', () => {
      const coverage = (item: Item) => [item.teams!, ...item.actions!];
      const seen = new Map<string, string>();
      sharedSentences(ref.items, coverage, seen);
      expect(sharedSentences(own, coverage, seen)).toEqual([]);
    });
  });

  it('shows no document title with a retired product name as current', () => {
    const retiredNames = loadRetiredNames(dataDir);
    expect(library.documents.filter((d) => !d.checkedOn).map((d) => d.number)).toEqual([]);
    const problems = library.documents.flatMap((d) => checkDocument(d, retiredNames)).filter((f) => f.severity === 'error');
    expect(problems).toEqual([]);
  });

  it('numbers documents 01–43 as the 2020 reference did, and new ones from 44 up', () => {
    const numbers = ref.documents.map((d) => Number(d.number));
    expect(numbers.slice(0, 43)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const d of ref.documents.slice(0, 43)) expect(d.url2020).toBeTruthy();
  });
});
