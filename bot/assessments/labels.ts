/**
 * Words the exports show, per locale. Japanese is the default. The columns
 * follow the 2020 reference's order, so an auditor who knows that sheet
 * recognises this one, with the headings the cards and the tab use.
 */
import type { AssessmentStatus } from './model';
import type { Conformity } from '../../contract/conformity';
import { STRINGS } from '../i18n/strings';

export type ExportLocale = 'ja' | 'en';

export interface ExportLabels {
  status: Record<AssessmentStatus, string>;
  level: Record<'C' | 'D', string>;
  conformity: Record<Conformity, string>;
  columns: {
    id: string;
    level: string;
    requirement: string;
    conformity: string;
    conformityReason: string;
    teams: string;
    documents: string;
    actions: string;
    status: string;
    owner: string;
    targetDate: string;
    checkedDate: string;
    note: string;
    updatedBy: string;
    updatedAt: string;
    contentCheckedOn: string;
  };
  summary: {
    sheet: string;
    title: (editionTitle: string) => string;
    scope: string;
    personalScope: string;
    channelScope: (teamId: string, channelId: string) => string;
    exportedAt: string;
    exportedBy: string;
    section: string;
    sectionTitle: string;
    items: string;
    total: string;
    chapterTotal: (chapter: string) => string;
  };
  chapterSheet: (chapter: string) => string;
  /** How a cited document is written in the documents column. */
  document: (number: string) => string;
  listSeparator: string;
  /** A later edition's row shown with its 第5版 items' status. */
  derivedStatus: (status: string, from: string) => string;
}

export const EXPORT_LABELS: Record<ExportLocale, ExportLabels> = {
  ja: {
    // The same words the bot's cards use, so a status reads alike everywhere.
    status: STRINGS.ja.status,
    level: STRINGS.ja.level,
    conformity: STRINGS.ja.conformity,
    columns: {
      id: 'ID',
      level: '区分',
      requirement: '要求事項（要約）',
      conformity: 'Teams での適合性',
      conformityReason: '適合性の理由',
      teams: 'Teams・Microsoft 365 での対応',
      documents: '参照した公開文書',
      actions: '医療機関・SI 事業者が行う対応',
      status: '対応状況',
      owner: '担当者',
      targetDate: '対応期限',
      checkedDate: '確認日',
      note: 'メモ',
      updatedBy: '最終更新者',
      updatedAt: '最終更新日時',
      contentCheckedOn: '内容の確認日',
    },
    summary: {
      sheet: '概要',
      title: (edition) => `自己点検の結果 — ${edition} × Microsoft Teams`,
      scope: '対象',
      personalScope: '個人の自己点検',
      channelScope: (teamId, channelId) => `チャネル（チーム ${teamId} / チャネル ${channelId}）`,
      exportedAt: '出力日時',
      exportedBy: '出力者',
      section: '節',
      sectionTitle: '節の名称',
      items: '項目数',
      total: '合計',
      chapterTotal: (chapter) => `第${chapter}章 計`,
    },
    chapterSheet: (chapter) => `第${chapter}章`,
    document: (n) => `文書${n}`,
    listSeparator: '、',
    derivedStatus: (status, from) => `${status}（${from} から）`,
  },
  en: {
    status: STRINGS.en.status,
    level: STRINGS.en.level,
    conformity: STRINGS.en.conformity,
    columns: {
      id: 'ID',
      level: 'Level',
      requirement: 'Requirement (our summary)',
      conformity: 'Conformity in Teams',
      conformityReason: 'Why',
      teams: 'What Teams and Microsoft 365 provide',
      documents: 'Public documents consulted',
      actions: 'What the hospital or integrator does',
      status: 'Status',
      owner: 'Owner',
      targetDate: 'Due date',
      checkedDate: 'Checked on',
      note: 'Note',
      updatedBy: 'Last updated by',
      updatedAt: 'Last updated at',
      contentCheckedOn: 'Content checked on',
    },
    summary: {
      sheet: 'Summary',
      title: (edition) => `Self-assessment — ${edition} × Microsoft Teams`,
      scope: 'Scope',
      personalScope: 'Personal self-assessment',
      channelScope: (teamId, channelId) => `Channel (team ${teamId} / channel ${channelId})`,
      exportedAt: 'Exported at',
      exportedBy: 'Exported by',
      section: 'Section',
      sectionTitle: 'Section title',
      items: 'Items',
      total: 'Total',
      chapterTotal: (chapter) => `Chapter ${chapter} total`,
    },
    chapterSheet: (chapter) => `Chapter ${chapter}`,
    document: (n) => `Document ${n}`,
    listSeparator: ', ',
    derivedStatus: (status, from) => `${status} (from ${from})`,
  },
};
