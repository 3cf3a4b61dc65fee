/**
 * Loads data/ into one in-memory model of the reference. Pure apart from
 * reading the files once; every other module (search, cards, the HTTP API,
 * the bot) works on the returned object.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import {
  Chapter, Document, DocumentsFile, Item, Section, SectionFile, SectionsFile, Vocabulary, VocabularyFile,
} from './schema';
import { compareItemIds } from './itemId';

export interface Reference {
  items: Item[];
  sections: Section[];
  chapters: Chapter[];
  documents: Document[];
  vocabulary: Vocabulary;
  itemById: Map<string, Item>;
  documentByNumber: Map<string, Document>;
  sectionById: Map<string, Section>;
}

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

export function loadReference(dataDir: string = defaultDataDir()): Reference {
  const { documents } = parseFile(DocumentsFile, dataDir, 'documents.json');
  const { sections, chapters } = parseFile(SectionsFile, dataDir, 'sections.json');
  const vocabulary = parseFile(VocabularyFile, dataDir, 'vocabulary.json');

  const documentByNumber = new Map<string, Document>();
  for (const d of documents) {
    if (documentByNumber.has(d.number)) throw new ReferenceDataError(`data/documents.json: document ${d.number}: duplicate number`);
    documentByNumber.set(d.number, d);
  }
  const sectionById = new Map(sections.map((s) => [s.id, s] as const));

  const refDir = path.join(dataDir, 'reference');
  const files = fs.existsSync(refDir) ? fs.readdirSync(refDir).filter((f) => f.endsWith('.json')).sort() : [];
  const items: Item[] = [];
  const itemById = new Map<string, Item>();
  for (const f of files) {
    const rel = `data/reference/${f}`;
    const file = parseFile(SectionFile, dataDir, path.join('reference', f));
    if (`${file.section}.json` !== f) throw new ReferenceDataError(`${rel}: declares section ${file.section}; the file must be named ${file.section}.json`);
    if (!sectionById.has(file.section)) throw new ReferenceDataError(`${rel}: section ${file.section} is not in data/sections.json`);
    for (const item of file.items) {
      if (item.section !== file.section) throw new ReferenceDataError(`${rel}: item ${item.id}: field section: belongs to ${item.section}, not ${file.section}`);
      if (itemById.has(item.id)) throw new ReferenceDataError(`${rel}: item ${item.id}: duplicate id`);
      for (const n of item.documents) {
        if (!documentByNumber.has(n)) throw new ReferenceDataError(`${rel}: item ${item.id}: field documents: document ${n} is not in data/documents.json`);
      }
      itemById.set(item.id, item);
      items.push(item);
    }
  }
  items.sort((a, b) => compareItemIds(a.id, b.id));
  return { items, sections, chapters, documents, vocabulary, itemById, documentByNumber, sectionById };
}
