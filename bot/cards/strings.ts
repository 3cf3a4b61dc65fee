/**
 * Every user-facing string the bot and the message extension send, per
 * locale. Cards and handlers look strings up here; none are inline.
 */
import type { Conformity } from '../reference/schema';

export type Locale = 'ja' | 'en';

export interface Strings {
  appName: string;
  answerIntro: (question: string) => string;
  level: { C: string; D: string };
  conformity: Record<Conformity, string>;
  confidenceNote: { high: string; medium: string; low: string };
  requirementHeading: string;
  teamsHeading: string;
  actionsHeading: string;
  licensingHeading: string;
  reviewHeading: string;
  certificationsHeading: string;
  documentsHeading: string;
  documentNoLongerPublished: string;
  documentLabel: (number: string, title: string) => string;
  relatedHeading: string;
  showSection: (section: string) => string;
  openInTab: string;
  share: string;
  sectionHeading: (section: string, title: string) => string;
  sectionCount: (count: number) => string;
  sectionNotFound: (section: string) => string;
  itemNotFound: (id: string) => string;
  helpTitle: string;
  helpIntro: string;
  helpWelcome: string;
  helpHowTo: string[];
  helpExamplesHeading: string;
  helpExamples: string[];
  noMatchTitle: string;
  noMatchBody: (question: string) => string;
  noMatchSuggestions: string;
  tooLong: (limit: number) => string;
  empty: string;
  unknownAction: string;
  error: string;
  disclaimer: string;
  channelStatus: (status: string, owner?: string) => string;
  status: Record<'unchecked' | 'done' | 'partial' | 'not-done' | 'not-applicable', string>;
  extensionNoResults: (query: string) => string;
  extensionQueryTooLong: (limit: number) => string;
  extensionUnknownCommand: string;
  extensionUnknownLink: string;
}

export const STRINGS: Record<Locale, Strings> = {
  ja: {
    appName: '医療情報ガイドライン Teams リファレンス',
    answerIntro: (q) => `「${q}」に最も近い要求事項です。`,
    level: { C: '最低限', D: '推奨' },
    conformity: { conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' },
    confidenceNote: {
      high: '',
      medium: '要確認: この項目の番号・文言は第5版の原文で未確認です。',
      low: '要確認: この項目は番号・構成とも推定です。原文で確認してください。',
    },
    requirementHeading: 'ガイドラインの要求事項',
    teamsHeading: 'Teams における対応',
    actionsHeading: '医療機関・SI 事業者で必要な対応',
    licensingHeading: 'ライセンス',
    reviewHeading: '確認してほしいこと',
    certificationsHeading: '第三者認証',
    documentsHeading: '確認した公開文書',
    documentNoLongerPublished: '（現在は公開されていません）',
    documentLabel: (n, t) => `文書${n}: ${t}`,
    relatedHeading: '関連する要求事項',
    showSection: (s) => `${s} 節の一覧`,
    openInTab: 'チェックリストで開く',
    share: '共有',
    sectionHeading: (s, t) => `${s} ${t}`,
    sectionCount: (n) => `${n} 件の要求事項があります。項目を選ぶと詳細を表示します。`,
    sectionNotFound: (s) => `${s} 節の要求事項は見つかりませんでした。節番号は 6.1〜9.5 です。`,
    itemNotFound: (id) => `${id} という要求事項は見つかりませんでした。ID は「6.5 C-6」のように入力してください。`,
    helpTitle: '使い方',
    helpIntro: '厚生労働省「医療情報システムの安全管理に関するガイドライン 第5版」の要求事項ごとに、Teams での対応と医療機関が行う対応をお答えします。',
    helpWelcome: 'インストールありがとうございます。',
    helpHowTo: [
      '質問を日本語または英語で送ってください（チャネルでは @メンションしてください）。',
      '「6.5 C-6」のように ID を送ると、その要求事項の詳細を表示します。',
      '「6.5」や「技術的安全対策」のように節を送ると、その節の一覧を表示します。',
    ],
    helpExamplesHeading: '質問の例',
    helpExamples: ['アクセスログはどう管理されていますか', '個人のスマホで Teams を使ってもいいですか', 'データセンターはどこにありますか', '二段階認証は必要ですか', '6.5 C-6'],
    noMatchTitle: '該当する要求事項が見つかりませんでした',
    noMatchBody: (q) => `「${q}」に合う要求事項を見つけられませんでした。言い換えるか、近いテーマから選んでください。`,
    noMatchSuggestions: '近いテーマ',
    tooLong: (n) => `質問が長すぎます（${n} 文字まで）。要点を短くして送ってください。`,
    empty: '質問を入力してください。',
    unknownAction: 'このボタンの操作は認識できませんでした。もう一度質問してください。',
    error: '申し訳ありません。回答の作成中に問題が発生しました。しばらくしてからもう一度お試しください。',
    disclaimer: 'ガイドライン原文・Microsoft の文書ではなく、公開情報をもとに独自にまとめた参考情報です。',
    channelStatus: (s, o) => (o ? `このチャネルの状況: ${s}（担当: ${o}）` : `このチャネルの状況: ${s}`),
    status: { unchecked: '未着手', done: '対応済', partial: '一部対応', 'not-done': '未対応', 'not-applicable': '該当なし' },
    extensionNoResults: (q) => `「${q}」に合う要求事項はありません。`,
    extensionQueryTooLong: (n) => `検索語が長すぎます（${n} 文字まで）。`,
    extensionUnknownCommand: 'このコマンドには対応していません。',
    extensionUnknownLink: 'このリンクの要求事項は見つかりませんでした。',
  },
  en: {
    appName: 'MHLW Guideline Teams Reference',
    answerIntro: (q) => `The requirement closest to "${q}":`,
    level: { C: 'Minimum', D: 'Recommended' },
    conformity: { conformable: 'Conformable', 'not-met-by-teams': 'Not met by Teams', 'outside-teams': 'Outside Teams' },
    confidenceNote: {
      high: '',
      medium: 'To verify: this item\'s number and wording are not confirmed against the original 5th edition.',
      low: 'To verify: this item\'s number and structure are reconstructed. Check the original.',
    },
    requirementHeading: 'What the guideline requires',
    teamsHeading: 'What Teams provides',
    actionsHeading: 'What the hospital or integrator must do',
    licensingHeading: 'Licensing',
    reviewHeading: 'What to check',
    certificationsHeading: 'Third-party certifications',
    documentsHeading: 'Public documents',
    documentNoLongerPublished: '(no longer published)',
    documentLabel: (n, t) => `Doc ${n}: ${t}`,
    relatedHeading: 'Related requirements',
    showSection: (s) => `All of section ${s}`,
    openInTab: 'Open in checklist',
    share: 'Share',
    sectionHeading: (s, t) => `${s} ${t}`,
    sectionCount: (n) => `${n} requirement${n === 1 ? '' : 's'}. Choose one to see the details.`,
    sectionNotFound: (s) => `No requirements found for section ${s}. Sections run from 6.1 to 9.5.`,
    itemNotFound: (id) => `No requirement with ID ${id}. Type IDs like "6.5 C-6".`,
    helpTitle: 'How to use',
    helpIntro: 'For each requirement of the MHLW guideline for medical information systems (5th edition), I tell you what Microsoft Teams provides and what your hospital must do.',
    helpWelcome: 'Thanks for installing.',
    helpHowTo: [
      'Ask a question in English or Japanese (in a channel, @mention me).',
      'Send an ID such as "6.5 C-6" to see that requirement.',
      'Send a section such as "6.5" or "Technical safeguards" to list its requirements.',
    ],
    helpExamplesHeading: 'Try asking',
    helpExamples: ['How is access logging handled?', 'Can staff use Teams on their own phones?', 'Where is our data stored?', 'Do we need multi-factor authentication?', '6.5 C-6'],
    noMatchTitle: 'No matching requirement',
    noMatchBody: (q) => `I could not find a requirement that matches "${q}". Try other words, or pick a nearby topic.`,
    noMatchSuggestions: 'Nearby topics',
    tooLong: (n) => `That question is too long (limit ${n} characters). Please send a shorter one.`,
    empty: 'Please type a question.',
    unknownAction: 'I did not recognise that button. Please ask again.',
    error: 'Sorry, something went wrong while preparing the answer. Please try again in a moment.',
    disclaimer: 'Reference information compiled independently from public sources; not the guideline text and not a Microsoft statement.',
    channelStatus: (s, o) => (o ? `Status in this channel: ${s} (owner: ${o})` : `Status in this channel: ${s}`),
    status: { unchecked: 'Not started', done: 'Done', partial: 'Partly done', 'not-done': 'Not done', 'not-applicable': 'Does not apply' },
    extensionNoResults: (q) => `No requirement matches "${q}".`,
    extensionQueryTooLong: (n) => `The search text is too long (limit ${n} characters).`,
    extensionUnknownCommand: 'This command is not supported.',
    extensionUnknownLink: 'No requirement found for this link.',
  },
};

/** Teams locales look like `ja-JP`, `en-US`, `en-GB`: anything not Japanese gets English. */
export function toLocale(teamsLocale: string | undefined): Locale | undefined {
  if (!teamsLocale) return undefined;
  return teamsLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
