/**
 * Words the exports show, per locale. Japanese is the default and follows
 * the 2020 reference's own column names, so an auditor who knows that sheet
 * recognises this one.
 */
import type { AssessmentStatus } from './model';
import { STRINGS } from '../cards/strings';
import type { Conformity } from '../reference/schema';

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
  };
  summary: {
    sheet: string;
    title: string;
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
      requirement: '要求事項',
      conformity: '適合性',
      teams: 'Teamsにおける対応',
      documents: '確認した公開文書',
      actions: 'SI事業者・利用者で必要な対応',
      status: '状況',
      owner: '担当者',
      targetDate: '目標日',
      checkedDate: '確認日',
      note: 'メモ',
      updatedBy: '最終更新者',
      updatedAt: '最終更新日時',
    },
    summary: {
      sheet: '概要',
      title: 'セルフチェック結果 — 医療情報システムの安全管理に関するガイドライン 第5版 × Microsoft Teams',
      scope: '対象',
      personalScope: '個人のセルフチェック',
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
  },
  en: {
    status: STRINGS.en.status,
    level: STRINGS.en.level,
    conformity: STRINGS.en.conformity,
    columns: {
      id: 'ID',
      level: 'Level',
      requirement: 'Requirement',
      conformity: 'Conformity',
      teams: 'What Teams provides',
      documents: 'Public documents checked',
      actions: 'What the integrator and hospital must do',
      status: 'Status',
      owner: 'Owner',
      targetDate: 'Target date',
      checkedDate: 'Checked on',
      note: 'Note',
      updatedBy: 'Last updated by',
      updatedAt: 'Last updated at',
    },
    summary: {
      sheet: 'Summary',
      title: 'Self-check — MHLW guideline for the security of medical information systems, 5th edition × Microsoft Teams',
      scope: 'Scope',
      personalScope: 'Personal self-check',
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
  },
};
