/**
 * Checks reference items against the content checklist, for writers and
 * reviewers, one or more sections at a time:
 *
 *   npm run check:data -- 6.5 6.6        # those sections' items (schema + checklist + check record)
 *   npm run check:data -- --all          # every item, as the final audit requires
 *   npm run check:data -- --documents    # the documents list
 *   npm run check:data -- --edition v6 sys-8 plan-5   # a later edition's rows with coverage of their own
 *   npm run check:data -- --edition v6 --all           # every such row of that edition
 *
 * Each section file is read on its own, so one writer's half-edited file does
 * not stop another writer's check. Exits 1 when there is an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentsFile, SectionFile } from '../../contract/reference';
import { defaultDataDir } from '../../bot/reference/loadLibrary';
import { checkDocument, checkItem, loadRetiredNames, loadSectionChecks, SectionChecks, type Finding } from './contentRules';

function main(): number {
  const args = process.argv.slice(2);
  const dataDir = process.env.DATA_DIR || defaultDataDir();
  const all = args.includes('--all');
  const secondReading = args.includes('--second-reading') || all;
  const docsOnly = args.includes('--documents');
  const retiredNames = loadRetiredNames(dataDir);
  const docs = DocumentsFile.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'documents.json'), 'utf8'))).documents;
  const documentByNumber = new Map(docs.map((d) => [d.number, d] as const));
  // Writers' new documents waiting to be merged into documents.json (data/drafts/ is not committed).
  const drafts = path.join(dataDir, 'drafts');
  for (const f of fs.existsSync(drafts) ? fs.readdirSync(drafts).filter((n) => /^new-documents-.*\.json$/.test(n)) : []) {
    const parsed = DocumentsFile.safeParse(JSON.parse(fs.readFileSync(path.join(drafts, f), 'utf8')));
    if (!parsed.success) {
      process.stdout.write(`ERROR data/drafts/${f}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
      continue;
    }
    for (const d of parsed.data.documents) {
      if (documentByNumber.has(d.number)) process.stdout.write(`ERROR data/drafts/${f}: document ${d.number} is already taken\n`);
      else documentByNumber.set(d.number, d);
    }
  }

  const findings: Finding[] = [];
  if (docsOnly || all) for (const d of docs) findings.push(...checkDocument(d, retiredNames));

  // Later editions: only rows with coverage of their own are checked (the others borrow audited 第5版 coverage, or have none yet).
  const editionAt = args.indexOf('--edition');
  const edition = editionAt >= 0 ? args[editionAt + 1] : undefined;
  if (editionAt >= 0 && !/^v\d+$/.test(edition ?? '')) {
    process.stderr.write('usage: npm run check:data -- --edition v6 <section> [<section> …] | --all\n');
    return 2;
  }
  const relRef = edition ? `data/${edition}/reference` : 'data/reference';
  const relChecks = edition ? `data/checks/${edition}` : 'data/checks';
  const refDir = path.join(dataDir, edition ?? '', 'reference');
  const sections = all ? fs.readdirSync(refDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : args.filter((a, i) => !a.startsWith('--') && !(editionAt >= 0 && i === editionAt + 1));
  if (!docsOnly && sections.length === 0) {
    process.stderr.write('usage: npm run check:data -- <section> [<section> …] | --all | --documents\n');
    return 2;
  }
  let items = 0;
  for (const section of sections) {
    const file = path.join(refDir, `${section}.json`);
    const parsed = SectionFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      for (const i of parsed.error.issues.slice(0, 20)) findings.push({ id: `${relRef}/${section}.json`, severity: 'error', message: `${i.path.join('.')}: ${i.message}` });
      continue;
    }
    const checkFile = path.join(dataDir, 'checks', edition ?? '', `${section}.json`);
    const checks = new Map<string, ReturnType<typeof loadSectionChecks> extends Map<string, infer C> ? C : never>();
    if (fs.existsSync(checkFile)) {
      const c = SectionChecks.safeParse(JSON.parse(fs.readFileSync(checkFile, 'utf8')));
      if (!c.success) {
        for (const i of c.error.issues.slice(0, 20)) findings.push({ id: `${relChecks}/${section}.json`, severity: 'error', message: `${i.path.join('.')}: ${i.message}` });
      } else {
        for (const ic of c.data.items) checks.set(ic.id, ic);
      }
    }
    for (const item of parsed.data.items) {
      if (edition && item.coverageFrom) continue;
      items += 1;
      findings.push(...checkItem(item, { retiredNames, documentByNumber, check: checks.get(item.id), requireSecondReading: secondReading }));
    }
  }
  if (all) loadSectionChecks(dataDir, edition); // every check file parses, and no item has two records

  for (const f of findings) process.stdout.write(`${f.severity === 'error' ? 'ERROR' : 'warn '} ${f.id}: ${f.message}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stdout.write(`${items} items${docsOnly || all ? `, ${docs.length} documents` : ''}: ${errors} errors, ${findings.length - errors} warnings\n`);
  return errors ? 1 : 0;
}

process.exitCode = main();
