/**
 * Loads data/ into the library: every edition listed in data/editions.json
 * (its sections and items, checked against its ID grammar), the shared
 * documents and search vocabulary, and the crosswalk files between editions,
 * each link checked against both editions. Pure apart from reading the files
 * once; every other module works on the returned objects. A bad file stops
 * start-up with a message naming the file, the item and the field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import {
  ChecklistFile, CrosswalkFile, Document, DocumentsFile, EditionsFile, Item, PhrasingsFile, SectionFile, SectionsFile, VocabularyFile,
} from '../../contract/reference';
import { GRAMMARS, type ItemIdGrammar } from '../../contract/itemIds';
import { Edition } from './edition';
import { Library } from './library';
import { resolveChecklist, type Checklist } from './checklists';

export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}

/** Describe a zod failure as `file: item 6.5-C-6: field teams.ja: message`. */
function describeIssues(file: string, error: z.ZodError, data: unknown): string {
  return error.issues.slice(0, 20).map((issue) => {
    const p = issue.path;
    let where = '';
    let fieldPath = p;
    // Section files: items[3].teams.ja → item <its id>, field teams.ja
    if (p[0] === 'items' && typeof p[1] === 'number') {
      const raw = (data as { items?: Array<{ id?: unknown }> }).items?.[p[1]];
      where = `item ${typeof raw?.id === 'string' ? raw.id : `#${p[1]}`}: `;
      fieldPath = p.slice(2);
    } else if (p[0] === 'documents' && typeof p[1] === 'number') {
      const raw = (data as { documents?: Array<{ number?: unknown }> }).documents?.[p[1]];
      where = `document ${typeof raw?.number === 'string' ? raw.number : `#${p[1]}`}: `;
      fieldPath = p.slice(2);
    } else if (p[0] === 'links' && typeof p[1] === 'number') {
      const raw = (data as { links?: Array<{ from?: unknown; to?: unknown }> }).links?.[p[1]];
      where = `link ${typeof raw?.from === 'string' ? raw.from : '?'} → ${typeof raw?.to === 'string' ? raw.to : '?'}: `;
      fieldPath = p.slice(2);
    }
    const field = fieldPath.length ? `field ${fieldPath.join('.')}: ` : '';
    return `${file}: ${where}${field}${issue.message}`;
  }).join('\n');
}

function readJson(file: string, rel: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ReferenceDataError(`${rel}: cannot read (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReferenceDataError(`${rel}: not valid JSON (${(err as Error).message})`);
  }
}

function parseFile<T extends z.ZodTypeAny>(schema: T, dataDir: string, relFile: string): z.infer<T> {
  const rel = path.posix.join('data', relFile.split(path.sep).join('/'));
  const data = readJson(path.join(dataDir, relFile), rel);
  const result = schema.safeParse(data);
  if (!result.success) throw new ReferenceDataError(describeIssues(rel, result.error, data));
  return result.data;
}

export function defaultDataDir(): string {
  // Works from bot/reference (ts-jest) and from dist/bot/reference (compiled).
  let dir = __dirname;
  for (let i = 0; i < 5; i += 1) {
    if (fs.existsSync(path.join(dir, 'data', 'documents.json'))) return path.join(dir, 'data');
    dir = path.dirname(dir);
  }
  return path.resolve(process.cwd(), 'data');
}

/** What an item's ID says must agree with its section, level, number and sub-number. */
function checkAgainstGrammar(item: Item, ids: ItemIdGrammar, rel: string): void {
  const parts = ids.parts(item.id);
  if (!parts) throw new ReferenceDataError(`${rel}: item ${item.id}: field id: not an ID of this edition (IDs of this edition look like ${ids.example})`);
  const mismatch = (field: string, value: unknown) => new ReferenceDataError(`${rel}: item ${item.id}: field ${field}: ${String(value)} does not match id ${item.id}`);
  if (parts.section !== item.section) throw mismatch('section', item.section);
  if (parts.level !== item.level) throw mismatch('level', item.level);
  if (parts.number !== item.number) throw mismatch('number', item.number);
  if (parts.sub !== item.sub) throw mismatch('sub', item.sub);
}

export interface LoadOptions {
  /** ID grammars by name (tests add their own). */
  grammars?: Readonly<Record<string, ItemIdGrammar>>;
}

/**
 * Adds the search-only situation phrasings of `<dir>/phrasings/<section>.json`
 * to the items they name (a phrasing for an item the edition lacks is an error:
 * it would be silently lost).
 */
function addPhrasings(items: Item[], dataDir: string, dir: string): Item[] {
  const phrasingDir = path.join(dataDir, dir, 'phrasings');
  if (!fs.existsSync(phrasingDir)) return items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const situations = new Map<string, NonNullable<Item['situations']>>();
  for (const f of fs.readdirSync(phrasingDir).filter((n) => n.endsWith('.json')).sort()) {
    const rel = path.posix.join('data', dir.split(path.sep).join('/'), 'phrasings', f).replace(/^data\/\.\//, 'data/');
    const file = parseFile(PhrasingsFile, dataDir, path.join(dir, 'phrasings', f));
    if (`${file.section}.json` !== f) throw new ReferenceDataError(`${rel}: declares section ${file.section}; the file must be named ${file.section}.json`);
    for (const entry of file.items) {
      const item = byId.get(entry.id);
      if (!item) throw new ReferenceDataError(`${rel}: item ${entry.id}: not an item of this edition`);
      if (item.section !== file.section) throw new ReferenceDataError(`${rel}: item ${entry.id}: belongs to section ${item.section}, not ${file.section}`);
      if (situations.has(entry.id)) throw new ReferenceDataError(`${rel}: item ${entry.id}: phrasings listed twice`);
      situations.set(entry.id, entry.situations);
    }
  }
  return items.map((i) => (situations.has(i.id) ? { ...i, situations: situations.get(i.id) } : i));
}

type CrosswalkData = z.infer<typeof CrosswalkFile>;

/** The fields that make up an item's own Teams coverage. */
const COVERAGE_FIELDS = ['conformity', 'conformityReason', 'teams', 'documents', 'certifications', 'licensing', 'actions', 'checkedOn'] as const;

/**
 * A row of a later edition with no 第5版 counterpart (`coverageFrom: []`)
 * takes the coverage written for its counterpart in the previous later edition
 * (第7.0版 ← 第6.0版), when the crosswalk links it to exactly one such row that
 * has coverage of its own. The row's review then says where the coverage was
 * written, so the card never passes it off as written against this edition.
 * Done in memory: the coverage lives in one file, checked and second-read once.
 */
function carryCoverage(items: Item[], editionId: string, built: readonly Edition[], crosswalks: ReadonlyArray<CrosswalkData>): Item[] {
  if (!items.some((i) => i.coverageFrom && i.coverageFrom.length === 0)) return items;
  const byTo = new Map<string, Array<{ edition: Edition; item: Item }>>();
  for (const cw of crosswalks) {
    const from = built.find((x) => x.id === cw.from);
    if (!from || cw.to !== editionId) continue;
    for (const link of cw.links) {
      const source = from.itemById.get(link.from);
      if (!source?.conformity || source.coverageFrom) continue;
      byTo.set(link.to, [...(byTo.get(link.to) ?? []), { edition: from, item: source }]);
    }
  }
  return items.map((item) => {
    const sources = byTo.get(item.id);
    if (!item.coverageFrom || item.coverageFrom.length > 0 || sources?.length !== 1) return item;
    const { edition, item: source } = sources[0];
    const where = `${edition.info.label.ja} ${edition.ids.display(source.id)}`;
    const whereEn = `${edition.info.label.en} ${edition.ids.display(source.id)}`;
    const note = {
      ja: `Teams の対応は${where} について書いたもので、この版の本文と照らした確認はしていません。`,
      en: `The Teams coverage was written for ${whereEn} and has not been checked against this edition's text.`,
    };
    const { coverageFrom: _none, ...rest } = item;
    const carried: Item = { ...rest, review: item.review ? { ja: `${item.review.ja}${note.ja}`, en: `${item.review.en} ${note.en}` } : note };
    for (const f of COVERAGE_FIELDS) {
      if (source[f] !== undefined) (carried as Record<string, unknown>)[f] = source[f];
    }
    return carried;
  });
}

export function loadLibrary(dataDir: string = defaultDataDir(), options: LoadOptions = {}): Library {
  const grammars = options.grammars ?? GRAMMARS;
  const { documents } = parseFile(DocumentsFile, dataDir, 'documents.json');
  const vocabulary = parseFile(VocabularyFile, dataDir, 'vocabulary.json');
  const manifest = parseFile(EditionsFile, dataDir, 'editions.json');

  const documentByNumber = new Map<string, Document>();
  for (const d of documents) {
    if (documentByNumber.has(d.number)) throw new ReferenceDataError(`data/documents.json: document ${d.number}: duplicate number`);
    documentByNumber.set(d.number, d);
  }

  // Read once: the editions use them to carry coverage, then the links are checked against the items.
  const cwDir = path.join(dataDir, 'crosswalk');
  const crosswalkFiles = (fs.existsSync(cwDir) ? fs.readdirSync(cwDir).filter((n) => n.endsWith('.json')).sort() : []).map((f) => {
    const rel = `data/crosswalk/${f}`;
    const cw = parseFile(CrosswalkFile, dataDir, path.join('crosswalk', f));
    if (`${cw.from}-${cw.to}.json` !== f) throw new ReferenceDataError(`${rel}: links ${cw.from} to ${cw.to}; the file must be named ${cw.from}-${cw.to}.json`);
    return { rel, cw };
  });

  const editions: Edition[] = [];
  for (const e of manifest.editions) {
    if (editions.some((x) => x.id === e.id)) throw new ReferenceDataError(`data/editions.json: edition ${e.id}: listed twice`);
    const ids = grammars[e.grammar];
    if (!ids) throw new ReferenceDataError(`data/editions.json: edition ${e.id}: field grammar: unknown grammar "${e.grammar}" (known: ${Object.keys(grammars).join(', ')})`);
    const dir = path.normalize(e.dir);
    const { sections, chapters } = parseFile(SectionsFile, dataDir, path.join(dir, 'sections.json'));
    const sectionIds = new Set(sections.map((s) => s.id));
    const refDir = path.join(dataDir, dir, 'reference');
    const files = fs.existsSync(refDir) ? fs.readdirSync(refDir).filter((f) => f.endsWith('.json')).sort() : [];
    const items: Item[] = [];
    const seen = new Set<string>();
    for (const f of files) {
      const rel = path.posix.join('data', dir.split(path.sep).join('/'), 'reference', f).replace(/^data\/\.\//, 'data/');
      const file = parseFile(SectionFile, dataDir, path.join(dir, 'reference', f));
      if (`${file.section}.json` !== f) throw new ReferenceDataError(`${rel}: declares section ${file.section}; the file must be named ${file.section}.json`);
      if (!sectionIds.has(file.section)) throw new ReferenceDataError(`${rel}: section ${file.section} is not in its sections.json`);
      for (const item of file.items) {
        if (item.section !== file.section) throw new ReferenceDataError(`${rel}: item ${item.id}: field section: belongs to ${item.section}, not ${file.section}`);
        if (seen.has(item.id)) throw new ReferenceDataError(`${rel}: item ${item.id}: duplicate id`);
        checkAgainstGrammar(item, ids, rel);
        for (const n of item.documents) {
          if (!documentByNumber.has(n)) throw new ReferenceDataError(`${rel}: item ${item.id}: field documents: document ${n} is not in data/documents.json`);
        }
        seen.add(item.id);
        items.push(item);
      }
    }
    const withPhrasings = carryCoverage(addPhrasings(items, dataDir, dir), e.id, editions.filter((x) => x.id !== manifest.default), crosswalkFiles.map((c) => c.cw));
    editions.push(new Edition({ info: { id: e.id, label: e.label, title: e.title, published: e.published }, ids, items: withPhrasings, sections, chapters, documents, documentByNumber, vocabulary }));
  }
  if (!editions.some((e) => e.id === manifest.default)) throw new ReferenceDataError(`data/editions.json: field default: edition ${manifest.default} is not listed`);

  const crosswalks: CrosswalkData[] = [];
  for (const { rel, cw } of crosswalkFiles) {
    const from = editions.find((e) => e.id === cw.from);
    const to = editions.find((e) => e.id === cw.to);
    if (!from) throw new ReferenceDataError(`${rel}: field from: edition ${cw.from} is not in data/editions.json`);
    if (!to) throw new ReferenceDataError(`${rel}: field to: edition ${cw.to} is not in data/editions.json`);
    const pairs = new Set<string>();
    for (const link of cw.links) {
      if (!from.itemById.has(link.from)) throw new ReferenceDataError(`${rel}: link ${link.from} → ${link.to}: field from: ${cw.from} has no item ${link.from}`);
      if (!to.itemById.has(link.to)) throw new ReferenceDataError(`${rel}: link ${link.from} → ${link.to}: field to: ${cw.to} has no item ${link.to}`);
      const key = `${link.from}→${link.to}`;
      if (pairs.has(key)) throw new ReferenceDataError(`${rel}: link ${link.from} → ${link.to}: listed twice`);
      pairs.add(key);
    }
    crosswalks.push(cw);
  }
  const library = new Library({ editions, defaultEdition: manifest.default, documents, documentByNumber, vocabulary, crosswalks });
  // Coverage borrowed from the default edition must be a counterpart's: the crosswalk is the one record of what answers what.
  for (const edition of editions) {
    for (const item of edition.items) {
      if (!item.coverageFrom) continue;
      const where = `data/${edition.info.id} item ${item.id}: field coverageFrom`;
      if (edition === library.defaultEdition) throw new ReferenceDataError(`${where}: items of the default edition carry their own coverage`);
      const linked = new Set(library.counterparts(edition, item).filter((c) => c.edition === library.defaultEdition).map((c) => c.item.id));
      for (const id of item.coverageFrom) {
        if (!library.defaultEdition.itemById.has(id)) throw new ReferenceDataError(`${where}: ${library.defaultEdition.id} has no item ${id}`);
        if (!linked.has(id)) throw new ReferenceDataError(`${where}: ${id} is not linked to it by any crosswalk`);
      }
    }
  }
  const checklistDir = path.join(dataDir, 'checklists');
  const checklists: Checklist[] = [];
  for (const f of fs.existsSync(checklistDir) ? fs.readdirSync(checklistDir).filter((n) => n.endsWith('.json')).sort() : []) {
    const rel = `data/checklists/${f}`;
    const file = parseFile(ChecklistFile, dataDir, path.join('checklists', f));
    if (`${file.id}.json` !== f) throw new ReferenceDataError(`${rel}: declares id ${file.id}; the file must be named ${file.id}.json`);
    const edition = library.edition(file.edition);
    if (!edition) throw new ReferenceDataError(`${rel}: field edition: edition ${file.edition} is not in data/editions.json`);
    try {
      checklists.push(resolveChecklist(file, edition, library.defaultEdition, rel));
    } catch (err) {
      throw new ReferenceDataError((err as Error).message);
    }
  }
  library.checklists = checklists;
  return library;
}
