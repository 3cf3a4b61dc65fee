/**
 * An assessment as rows for an auditor: the 2020 reference's columns for
 * each requirement item, then this hospital's status, owner, dates and
 * note. Shared by the Excel and CSV exports so both say the same thing.
 */
import type { Item } from '../../contract/reference';
import type { AssessmentStatus } from '../../contract/statuses';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { coverageOf } from '../reference/coverage';
import { EXPORT_LABELS, ExportLabels, ExportLocale } from './labels';
import { ItemState, UNCHECKED } from './model';

export interface DerivedState {
  status: AssessmentStatus;
  /** The 第5版 items (with a state) it comes from. */
  from: string[];
}

export interface ExportInput {
  /** The edition whose items (and structure) the export follows. */
  edition: Edition;
  /** For rows of later editions: the default edition's items whose coverage they borrow. */
  library: Library;
  /** Item states by item ID (items without one are unchecked). */
  states: ReadonlyMap<string, ItemState>;
  /** Later editions: rows without a state shown with their 第5版 items' combined status. */
  derived?: ReadonlyMap<string, DerivedState>;
  locale: ExportLocale;
  /** Shown on the summary sheet: whose assessment this is. */
  scopeLabel: string;
  exportedAt: Date;
  exportedBy: string;
}

export const COLUMN_KEYS = [
  'id', 'level', 'requirement', 'conformity', 'conformityReason', 'teams', 'documents', 'actions',
  'status', 'owner', 'targetDate', 'checkedDate', 'note', 'updatedBy', 'updatedAt', 'contentCheckedOn',
] as const;
export type ColumnKey = typeof COLUMN_KEYS[number];

export interface ExportRow {
  item: Item;
  chapter: string;
  state: ItemState;
  cells: Record<ColumnKey, string>;
}

export function labelsFor(locale: ExportLocale): ExportLabels {
  return EXPORT_LABELS[locale];
}

/**
 * `2025-04-01T01:23:45.000Z` → `2025-04-01 10:23 JST` (ja: hospitals read
 * Japan time) or `2025-04-01 01:23 UTC` (en).
 */
export function formatTimestamp(iso: string | Date | null, locale: ExportLocale): string {
  if (!iso) return '';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const timeZone = locale === 'ja' ? 'Asia/Tokyo' : 'UTC';
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
  return `${text} ${locale === 'ja' ? 'JST' : 'UTC'}`;
}

/** Own conformity, or, for a later edition's row, its 第5版 items' (`6.5 D-5 適合可能`). */
function conformityCell(library: Library, item: Item, L: ReturnType<typeof labelsFor>): string {
  const coverage = coverageOf(library, item);
  if (coverage.kind === 'own') return L.conformity[coverage.conformity];
  if (coverage.kind === 'none') return '';
  return coverage.from.map((c) => `${library.defaultEdition.displayId(c.id)} ${c.conformity ? L.conformity[c.conformity] : ''}`).join(L.listSeparator);
}

function borrowedCell(library: Library, item: Item, lang: ExportLocale): string {
  const coverage = coverageOf(library, item);
  if (coverage.kind !== 'borrowed') return '';
  const label = library.defaultEdition.info.label[lang];
  return coverage.from.map((c) => `${label} ${library.defaultEdition.displayId(c.id)} ${c.title[lang]}`).join('\n');
}

/** A row's own status, or (later editions) the combined status of its 第5版 items, saying so. */
function statusCell(input: ExportInput, item: Item, state: ItemState, L: ReturnType<typeof labelsFor>): string {
  const derived = state.version === 0 ? input.derived?.get(item.id) : undefined;
  if (!derived) return L.status[state.status];
  const d = input.library.defaultEdition;
  return L.derivedStatus(L.status[derived.status], `${d.info.label[input.locale]} ${derived.from.map((id) => d.displayId(id)).join(L.listSeparator)}`);
}

export function exportRows(input: ExportInput): ExportRow[] {
  const L = labelsFor(input.locale);
  const lang = input.locale;
  const { edition } = input;
  return edition.items.map((item) => {
    const state = input.states.get(item.id) ?? UNCHECKED;
    const chapter = edition.sectionById.get(item.section)?.chapter ?? item.section.split('.')[0];
    return {
      item,
      chapter,
      state,
      cells: {
        id: edition.displayId(item.id),
        level: item.level ? L.level[item.level] : '',
        requirement: item.requirement[lang],
        conformity: conformityCell(input.library, item, L),
        conformityReason: item.conformityReason?.[lang] ?? '',
        teams: item.teams?.[lang] ?? borrowedCell(input.library, item, lang),
        documents: item.documents.map(L.document).join(L.listSeparator),
        actions: (item.actions ?? []).map((a) => `・${a[lang]}`).join('\n'),
        status: statusCell(input, item, state, L),
        owner: state.owner ?? '',
        targetDate: state.targetDate ?? '',
        checkedDate: state.checkedDate ?? '',
        note: state.note ?? '',
        updatedBy: state.updatedBy?.name ?? '',
        updatedAt: formatTimestamp(state.updatedAt, input.locale),
        contentCheckedOn: item.checkedOn ?? '',
      },
    };
  });
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab
 * or CR) gets a leading apostrophe, so a note like `=HYPERLINK(...)` stays text.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 with a BOM (so Excel reads Japanese correctly), CRLF line ends, RFC 4180 quoting. */
export function buildAssessmentCsv(input: ExportInput): string {
  const L = labelsFor(input.locale);
  const lines = [COLUMN_KEYS.map((k) => csvField(L.columns[k])).join(',')];
  for (const row of exportRows(input)) {
    // Line breaks inside a quoted field are CRLF too, as Excel writes them.
    lines.push(COLUMN_KEYS.map((k) => csvField(row.cells[k].replace(/\r?\n/g, '\r\n'))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
