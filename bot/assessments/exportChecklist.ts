/**
 * The self-assessment in the layout of the 立入検査 checklist: one line per
 * checklist row, answered はい / いいえ from the 第5版 items whose coverage
 * answers the row (answeredBy), with the latest 確認日 and the earliest open
 * 目標日 among them. A row is はい when every one of its items is settled
 * (対応済 or 該当なし), いいえ when any has a state and not all are settled,
 * and left blank when none has a state yet or no item answers it — the
 * hospital answers those itself. An aid for filling in the real form, not
 * the form.
 */
import { isSettled } from '../../contract/statuses';
import type { Checklist } from '../reference/checklists';
import type { ItemState } from './model';
import type { ExportLocale } from './labels';
import { csvField } from './exportRows';

const LABELS = {
  ja: {
    columns: ['シート', '番号', '区分', '項目（要約）', '回答', '確認日', '目標日', '根拠とした第5版の項目', '項目の確認状況'],
    sheet: { institution: '医療機関確認用', vendor: '事業者確認用' },
    yes: 'はい', no: 'いいえ', separator: '、',
    basis: { read: '手引きで確認', 'read-partial': '手引きで一部確認', secondary: '二次資料で確認（要確認）', inferred: '推定（要確認）' },
  },
  en: {
    columns: ['Sheet', 'No.', 'Group', 'Item (our summary)', 'Answer', 'Checked on', 'Target date', '5th edition items used', 'How the row is known'],
    sheet: { institution: 'Institution', vendor: 'Vendor' },
    yes: 'Yes', no: 'No', separator: ', ',
    basis: { read: 'read in the manual', 'read-partial': 'partly read in the manual', secondary: 'secondary sources (to verify)', inferred: 'inferred (to verify)' },
  },
} as const;

export interface ChecklistAnswer { answer: 'yes' | 'no' | null; checkedDate: string | null; targetDate: string | null }

/** The answer for one row from the states of its items. */
export function answerFromStates(states: Array<ItemState | undefined>): ChecklistAnswer {
  const known = states.filter((s): s is ItemState => s !== undefined && s.status !== 'unchecked');
  if (states.length === 0 || known.length === 0) return { answer: null, checkedDate: null, targetDate: null };
  const allSettled = states.every((s) => s !== undefined && isSettled(s.status));
  const checked = known.map((s) => s.checkedDate).filter((d): d is string => Boolean(d)).sort();
  const targets = known.filter((s) => !isSettled(s.status)).map((s) => s.targetDate).filter((d): d is string => Boolean(d)).sort();
  return { answer: allSettled ? 'yes' : 'no', checkedDate: checked[checked.length - 1] ?? null, targetDate: targets[0] ?? null };
}

export function buildChecklistCsv(checklist: Checklist, defaultEdition: { displayId(id: string): string }, states: ReadonlyMap<string, ItemState>, locale: ExportLocale): string {
  const L = LABELS[locale];
  const lines = [L.columns.map(csvField).join(',')];
  for (const { row, answeredBy } of checklist.rows) {
    const a = answerFromStates(answeredBy.map((i) => states.get(i.id)));
    lines.push([
      L.sheet[row.sheet], row.number, row.group[locale], `${row.title[locale]}: ${row.summary[locale]}`,
      a.answer === 'yes' ? L.yes : a.answer === 'no' ? L.no : '', a.checkedDate ?? '', a.targetDate ?? '',
      answeredBy.map((i) => defaultEdition.displayId(i.id)).join(L.separator), L.basis[row.basis],
    ].map((v) => csvField(v)).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
