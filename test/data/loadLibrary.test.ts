/**
 * The loader's promise (bot/reference/loadLibrary.ts): a bad data file stops
 * start-up with a message naming the file, the item and the field. Tested on
 * bad copies of a small two-edition dataset (test/fixtures/two-editions),
 * which also shows the library holding a second edition with its own ID
 * grammar, sections and crosswalk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLibrary, ReferenceDataError } from '../../bot/reference/loadLibrary';
import { GRAMMARS } from '../../contract/itemIds';
import { TEST_GRAMMARS, TWO_EDITIONS } from '../helpers/twoEditions';

type Json = Record<string, any>;

/** A copy of the fixture with one file changed. */
function withChange(rel: string, change: (data: Json) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-data-'));
  fs.cpSync(TWO_EDITIONS, dir, { recursive: true });
  const file = path.join(dir, rel);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(data);
  fs.writeFileSync(file, JSON.stringify(data));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadLibrary(dir, { grammars: TEST_GRAMMARS });
  } catch (err) {
    expect(err).toBeInstanceOf(ReferenceDataError);
    return (err as Error).message;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the library loaded');
}

describe('loading the library', () => {
  it('loads both editions, each with its own items, sections and ID grammar', () => {
    const library = loadLibrary(TWO_EDITIONS, { grammars: TEST_GRAMMARS });
    expect(library.editions.map((e) => e.id)).toEqual(['v5', 'v9']);
    expect(library.defaultEdition.id).toBe('v5');
    const v9 = library.edition('v9')!;
    expect(v9.items.map((i) => i.id)).toEqual(['sys-17-1', 'sys-17-2']);
    expect(v9.displayId('sys-17-1')).toBe('シス17①');
    expect(v9.resolve('シス17②')?.id).toBe('sys-17-2');
    expect(library.defaultEdition.resolve('6.5 C-6')?.id).toBe('6.5-C-6');
  });

  it('links items across editions both ways, with how each link is known', () => {
    const library = loadLibrary(TWO_EDITIONS, { grammars: TEST_GRAMMARS });
    const v5 = library.defaultEdition;
    const v9 = library.edition('v9')!;
    const from5 = library.counterparts(v5, v5.itemById.get('6.5-C-6')!);
    expect(from5.map((c) => [c.edition.id, c.item.id, c.basis])).toEqual([['v9', 'sys-17-1', 'same-text'], ['v9', 'sys-17-2', 'subject']]);
    expect(from5[0].change?.ja).toBe('確認の頻度は施設で定める。');
    const back = library.counterparts(v9, v9.itemById.get('sys-17-2')!);
    expect(back.map((c) => [c.edition.id, c.item.id])).toEqual([['v5', '6.5-C-6']]);
    expect(library.counterparts(v5, v5.itemById.get('6.5-D-5')!)).toEqual([]);
  });

  it('reads a reference with or without its edition: plain IDs are the default edition\'s', () => {
    const library = loadLibrary(TWO_EDITIONS, { grammars: TEST_GRAMMARS });
    expect(library.resolveRef('6.5-C-6')?.edition.id).toBe('v5');
    expect(library.resolveRef('v9:sys-17-2')?.item.id).toBe('sys-17-2');
    expect(library.resolveRef('v9:6.5-C-6')).toBeUndefined();
    expect(library.refOf(library.edition('v9')!, library.edition('v9')!.items[0])).toBe('v9:sys-17-1');
    expect(library.refOf(library.defaultEdition, library.defaultEdition.items[0])).toBe('6.5-C-6');
  });

  it('adds the search-only situation phrasings to the items they name', () => {
    const library = loadLibrary(TWO_EDITIONS, { grammars: TEST_GRAMMARS });
    const item = library.defaultEdition.itemById.get('6.5-C-6')!;
    expect(item.situations?.ja).toEqual(['誰がカルテを開いたのか後から調べたい']);
    expect(library.defaultEdition.itemById.get('6.5-D-5')!.situations).toBeUndefined();
  });

  it('loads the real dataset with the grammars the app ships', () => {
    const library = loadLibrary(undefined, { grammars: GRAMMARS });
    expect(library.defaultEdition.items.length).toBeGreaterThan(100);
  });

  it('shows a 第7.0版 row with no 第5版 counterpart the coverage written for its 第6.0版 row, and says so', () => {
    const library = loadLibrary(undefined, { grammars: GRAMMARS });
    const v6 = library.edition('v6')!;
    const v7 = library.edition('v7')!;
    const carried = v7.items.filter((i) => i.conformity && v6.itemById.get(i.id)?.conformity && !v6.itemById.get(i.id)?.coverageFrom);
    expect(carried.length).toBeGreaterThan(50);
    for (const row of carried) {
      const source = v6.itemById.get(row.id)!;
      expect(row.teams).toEqual(source.teams);
      expect(row.actions).toEqual(source.actions);
      expect(row.coverageFrom).toBeUndefined();
      expect(row.review!.ja).toContain(`第6.0版 ${v6.ids.display(source.id)} について書いたもの`);
      expect(row.review!.en).toContain('has not been checked against this edition');
    }
    // Its own summary and provenance stay the 第7.0版 row's.
    const row = carried[0];
    expect(row.requirementSource).toEqual(JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/v7/reference', `${row.section}.json`), 'utf8')).items.find((i: Json) => i.id === row.id).requirementSource);
  });
});

describe('a bad data file stops start-up, naming the file, the item and the field', () => {
  it.each([
    ['an ID that disagrees with its section', 'reference/6.5.json', (d: Json) => { d.items[0].section = '6.4'; },
      /data\/reference\/6\.5\.json: item 6\.5-C-6: field section/],
    ['a level that disagrees with the ID', 'reference/6.5.json', (d: Json) => { d.items[1].level = 'C'; },
      /data\/reference\/6\.5\.json: item 6\.5-D-5: field level: C does not match id 6\.5-D-5/],
    ['an ID not of the edition\'s grammar', 'v9/reference/sys-17.json', (d: Json) => { d.items[0].id = '6.5-C-9'; },
      /data\/v9\/reference\/sys-17\.json: item 6\.5-C-9: field id: not an ID of this edition/],
    ['a duplicate ID', 'reference/6.5.json', (d: Json) => { d.items[1] = { ...d.items[0] }; },
      /item 6\.5-C-6: duplicate id/],
    ['a document that is not listed', 'reference/6.5.json', (d: Json) => { d.items[0].documents = ['99']; },
      /data\/reference\/6\.5\.json: item 6\.5-C-6: field documents: document 99 is not in data\/documents\.json/],
    ['an empty Japanese text', 'reference/6.5.json', (d: Json) => { d.items[0].teams.ja = ''; },
      /data\/reference\/6\.5\.json: item 6\.5-C-6: field teams\.ja: Japanese text is empty/],
    ['a medium-confidence item without a review note', 'reference/6.5.json', (d: Json) => { d.items[0].confidence = 'medium'; },
      /item 6\.5-C-6: field review: items that are not high-confidence need a review note/],
    ['an unknown conformity value', 'v9/reference/sys-17.json', (d: Json) => { d.items[1].conformity = 'not-applicable'; },
      /data\/v9\/reference\/sys-17\.json: item sys-17-2: field conformity/],
    ['a situation phrasing for an item the edition lacks', 'phrasings/6.5.json', (d: Json) => { d.items[0].id = '6.5-C-99'; },
      /data\/phrasings\/6\.5\.json: item 6\.5-C-99: not an item of this edition/],
    ['an item\'s phrasings listed twice', 'phrasings/6.5.json', (d: Json) => { d.items[0].id = '6.5-D-5'; d.items.push({ id: '6.5-D-5', situations: { ja: ['二つ目のあつかい'], en: [] } }); },
      /data\/phrasings\/6\.5\.json: item 6\.5-D-5: phrasings listed twice/],
    ['coverage borrowed from an item the crosswalk does not link', 'v9/reference/sys-17.json', (d: Json) => {
      const row = d.items[1];
      for (const f of ['conformity', 'teams', 'actions']) delete row[f];
      row.coverageFrom = ['6.5-D-5'];
    }, /data\/v9 item sys-17-2: field coverageFrom: 6\.5-D-5 is not linked to it by any crosswalk/],
    ['a row with neither coverage of its own nor coverageFrom', 'v9/reference/sys-17.json', (d: Json) => { delete d.items[1].teams; },
      /item sys-17-2: field teams: required \(or name the items whose coverage applies in coverageFrom\)/],
    ['a crosswalk link to an item that does not exist', 'crosswalk/v5-v9.json', (d: Json) => { d.links[0].to = 'sys-17-9'; },
      /data\/crosswalk\/v5-v9\.json: link 6\.5-C-6 → sys-17-9: field to: v9 has no item sys-17-9/],
    ['a crosswalk link without its basis', 'crosswalk/v5-v9.json', (d: Json) => { delete d.links[1].basis; },
      /data\/crosswalk\/v5-v9\.json: link 6\.5-C-6 → sys-17-2: field basis/],
    ['an edition with an unknown grammar', 'editions.json', (d: Json) => { d.editions[1].grammar = 'v99'; },
      /data\/editions\.json: edition v9: field grammar: unknown grammar "v99"/],
    ['a default edition that is not listed', 'editions.json', (d: Json) => { d.default = 'v6'; },
      /data\/editions\.json: field default: edition v6 is not listed/],
  ])('%s', (_what, rel, change, message) => {
    expect(loadError(withChange(rel, change))).toMatch(message);
  });

  it('a file that is not JSON', () => {
    const dir = withChange('reference/6.5.json', () => undefined);
    fs.writeFileSync(path.join(dir, 'reference', '6.5.json'), '{ "section": "6.5", ');
    expect(loadError(dir)).toMatch(/data\/reference\/6\.5\.json: not valid JSON/);
  });
});
