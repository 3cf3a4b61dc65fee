/**
 * The auditor's workbook: a summary sheet (counts per status, per section
 * and overall) and one sheet per guideline chapter laid out like the 2020
 * reference, plus the hospital's status, owner, dates and note. Header rows
 * are frozen and filterable.
 */
import ExcelJS from 'exceljs';
import { ASSESSMENT_STATUSES } from '../../contract/statuses';
import { computeProgress } from '../../contract/progress';
import { COLUMN_KEYS, ColumnKey, ExportInput, exportRows, formatTimestamp, labelsFor } from './exportRows';

const WIDTHS: Record<ColumnKey, number> = {
  id: 11, level: 8, requirement: 48, conformity: 12, conformityReason: 36, teams: 60, documents: 16, actions: 60,
  status: 10, owner: 16, targetDate: 12, checkedDate: 12, note: 40, updatedBy: 16, updatedAt: 20, contentCheckedOn: 12,
};
const WRAPPED = new Set<ColumnKey>(['requirement', 'conformityReason', 'teams', 'documents', 'actions', 'note']);
const DATE_COLUMNS = new Set<ColumnKey>(['targetDate', 'checkedDate']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FONT = 'Yu Gothic';

/** `2025-06-30` → a real Excel date (UTC midnight, so no time-zone shift). */
function excelDate(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

export async function buildAssessmentXlsx(input: ExportInput): Promise<Buffer> {
  const L = labelsFor(input.locale);
  const rows = exportRows(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'medsec-reference';
  wb.created = input.exportedAt;
  const title = L.summary.title(input.edition.info.title[input.locale]);
  wb.title = title;

  // Summary: who, when, and the counts an auditor looks at first.
  const summary = wb.addWorksheet(sheetName(L.summary.sheet));
  summary.getCell('A1').value = title;
  summary.getCell('A1').font = { name: FONT, bold: true, size: 13 };
  const meta: Array<[string, string]> = [
    [L.summary.scope, input.scopeLabel],
    [L.summary.exportedAt, formatTimestamp(input.exportedAt, input.locale)],
    [L.summary.exportedBy, input.exportedBy],
  ];
  meta.forEach(([k, v], i) => {
    summary.getCell(3 + i, 1).value = k;
    summary.getCell(3 + i, 1).font = { name: FONT, bold: true };
    summary.getCell(3 + i, 2).value = v;
  });
  const headerRowNo = 3 + meta.length + 1;
  const header = summary.getRow(headerRowNo);
  header.values = [L.summary.section, L.summary.sectionTitle, L.summary.items, ...ASSESSMENT_STATUSES.map((s) => L.status[s])];
  styleHeader(header);
  const { edition } = input;
  // The edition's items are in guideline order, and so are the sections progress lists.
  const progress = computeProgress(edition.items, (id) => input.states.get(id)?.status ?? input.derived?.get(id)?.status);
  const sections = progress.sections;
  let r = headerRowNo + 1;
  for (const s of sections) {
    const sectionTitle = edition.sectionById.get(s.section)?.title[input.locale] ?? '';
    summary.getRow(r).values = [s.section, sectionTitle, s.total, ...ASSESSMENT_STATUSES.map((st) => s.counts[st])];
    r += 1;
  }
  const totalRow = summary.getRow(r);
  totalRow.values = [L.summary.total, '', progress.overall.total, ...ASSESSMENT_STATUSES.map((st) => progress.overall.counts[st])];
  totalRow.font = { name: FONT, bold: true };
  totalRow.eachCell((cell) => { cell.border = { top: { style: 'thin' } }; });
  summary.columns.forEach((col, i) => { col.width = i === 1 ? 40 : i === 0 ? 10 : 11; });
  summary.views = [{ state: 'frozen', ySplit: headerRowNo }];
  summary.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: r - 1, column: 3 + ASSESSMENT_STATUSES.length } };

  // One sheet per chapter, in the guideline's order.
  const chapters = [...new Set(rows.map((row) => row.chapter))];
  for (const chapter of chapters) {
    const ws = wb.addWorksheet(sheetName(L.chapterSheet(chapter)));
    ws.columns = COLUMN_KEYS.map((key) => ({ header: L.columns[key], key, width: WIDTHS[key] }));
    styleHeader(ws.getRow(1));
    const mine = rows.filter((row) => row.chapter === chapter);
    for (const row of mine) {
      const values: Record<string, string | Date> = { ...row.cells };
      for (const key of DATE_COLUMNS) if (row.cells[key]) values[key] = excelDate(row.cells[key]);
      const added = ws.addRow(values);
      added.font = { name: FONT };
      added.alignment = { vertical: 'top' };
      for (const key of WRAPPED) added.getCell(key).alignment = { vertical: 'top', wrapText: true };
      for (const key of DATE_COLUMNS) added.getCell(key).numFmt = 'yyyy-mm-dd';
    }
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, mine.length + 1), column: COLUMN_KEYS.length } };
  }

  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
