/**
 * Every user-facing string the bot, the message extension and the exports
 * show, per locale: the app's vocabulary. Cards, handlers and exports look
 * strings up here; none are inline. Edition-specific words (「第5版」) come
 * from the edition, never from here.
 */
import type { Conformity } from '../../contract/conformity';
import type { AssessmentStatus } from '../../contract/statuses';
import type { RequirementBasis } from '../../contract/reference';
import type { Locale } from '../../contract/locale';

export type { Locale };

export interface Strings {
  appName: string;
  answerIntro: (question: string) => string;
  /** When the best two items are close: the card says so and offers the second as plainly. */
  closeSecond: (displayId: string, title: string) => string;
  /** A row new since 第5版 (in a later edition) that the question is also about. */
  newRule: (edition: string, displayId: string, title: string) => string;
  level: { C: string; D: string };
  conformity: Record<Conformity, string>;
  confidenceMarker: string;
  /** The line under the requirement: where its wording comes from. */
  requirementSource: (detail: string) => string;
  requirementBasis: Record<RequirementBasis, string>;
  requirementHeading: string;
  /** An item of a later edition whose Teams coverage is its 第5版 counterparts'. */
  borrowedCoverageHeading: (editionLabel: string) => string;
  borrowedCoverageIntro: string;
  noCoverageYet: (editionLabel: string) => string;
  /** The markers' place for such an item. */
  borrowedConformity: (editionLabel: string) => string;
  noConformityYet: string;
  counterpartsHeading: string;
  counterpartLine: (editionLabel: string, displayId: string, title: string, basis: string) => string;
  counterpartBasis: Record<'mhlw-table' | 'same-text' | 'subject' | 'via', string>;
  counterpartChange: (change: string) => string;
  teamsHeading: string;
  teamsMoreHeading: string;
  actionsHeading: string;
  licensingHeading: string;
  reviewHeading: string;
  certificationsHeading: string;
  documentsHeading: string;
  checkedOn: (date: string) => string;
  documentNoLongerPublished: string;
  documentLabel: (number: string, title: string) => string;
  relatedHeading: string;
  showMore: string;
  showLess: string;
  showSection: (section: string) => string;
  openInTab: string;
  share: string;
  /** Inside the card's share panel: how to share the item without leaving Teams. */
  shareHow: (displayId: string) => string;
  shareLinkLabel: string;
  sectionHeading: (section: string, title: string) => string;
  sectionCount: (count: number) => string;
  sectionNotFound: (section: string) => string;
  itemNotFound: (id: string, example: string) => string;
  helpTitle: string;
  helpIntro: (guidelineTitle: string) => string;
  helpWelcome: string;
  helpHowTo: (example: string) => string[];
  helpExamplesHeading: string;
  helpExamples: string[];
  noMatchTitle: string;
  noMatchBody: (question: string) => string;
  noMatchSuggestions: string;
  tooLong: (limit: number) => string;
  empty: string;
  unknownAction: string;
  error: string;
  disclaimer: (editionLabel: string) => string;
  channelStatus: (status: string, owner?: string) => string;
  status: Record<AssessmentStatus, string>;
  extensionNoResults: (query: string) => string;
  extensionQueryTooLong: (limit: number) => string;
  extensionUnknownCommand: string;
  extensionUnknownLink: string;
}

export const STRINGS: Record<Locale, Strings> = {
  ja: {
    appName: '医療情報セキュリティ リファレンス',
    answerIntro: (q) => `「${q}」に最も近い要求事項です。`,
    closeSecond: (id, t) => `次の項目も同じくらい近い可能性があります: ${id} ${t}`,
    newRule: (e, id, t) => `関連する新しい項目（${e}）: ${id} ${t}`,
    level: { C: '最低限', D: '推奨' },
    conformity: { conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' },
    confidenceMarker: '要確認',
    requirementSource: (d) => `要約の出典: ${d}`,
    requirementBasis: {
      'v5-text': '第5版の本文',
      'v5-quote': '第5版を引用した資料',
      'v52-text': '第5.2版の本文から再構成',
      'v6-text': '第6.0版の本文から再構成',
      'v6-draft': '第6.0版の作業部会案',
      'v6-quote': '第6.0版を引用した資料',
      'v7-quote': '第7.0版を引用した資料',
      reported: '二次資料の説明（引用なし）',
      inferred: '推定（原文は未確認）',
      index: '調査資料の要約のみ（原文と未照合）',
    },
    requirementHeading: '要求事項（要約）',
    borrowedCoverageHeading: (e) => `Teams・Microsoft 365 での対応（${e}の対応項目）`,
    borrowedCoverageIntro: 'この項目に対応する第5版の項目の内容です。Teams での対応と医療機関の対応は、各項目を開いて確認してください。',
    noCoverageYet: (e) => `この項目に対応する${e}の項目がなく、Teams での対応はまだ作成していません。`,
    borrowedConformity: (e) => `${e}の対応項目を参照`,
    noConformityYet: '対応は未作成',
    counterpartsHeading: 'ほかの版での対応項目',
    counterpartLine: (e, id, t, b) => `${e} ${id} ${t}（${b}）`,
    counterpartBasis: { 'mhlw-table': '厚生労働省の対応表による', 'same-text': '番号と本文の一致による', subject: '内容からの推定', via: '中間の版を経由した推定' },
    counterpartChange: (c) => `変更点: ${c}`,
    teamsHeading: 'Teams・Microsoft 365 での対応',
    teamsMoreHeading: 'Teams・Microsoft 365 での対応（詳細）',
    actionsHeading: '医療機関・SI 事業者が行う対応',
    licensingHeading: 'ライセンス',
    reviewHeading: '確認が必要な点',
    certificationsHeading: '関連する第三者認証',
    documentsHeading: '参照した公開文書',
    checkedOn: (d) => `内容の確認日 ${d}`,
    documentNoLongerPublished: '（現在は公開されていません）',
    documentLabel: (n, t) => `文書${n}: ${t}`,
    relatedHeading: '関連する要求事項',
    showMore: '詳しく表示',
    showLess: '閉じる',
    showSection: (s) => `${s} 節の一覧`,
    openInTab: 'チェックリストで開く',
    share: '共有',
    shareHow: (id) => `このリンクをコピーしてチャットやチャネルに貼り付けると、${id} のカードとして表示されます。作成ボックスでこのアプリから「${id}」を検索して、カードを挿入することもできます。`,
    shareLinkLabel: 'この要求事項へのリンク',
    sectionHeading: (s, t) => `${s} ${t}`,
    sectionCount: (n) => `${n} 件の要求事項があります。項目を選ぶと詳細を表示します。`,
    sectionNotFound: (s) => `${s} 節の要求事項は見つかりませんでした。`,
    itemNotFound: (id, example) => `${id} という要求事項は見つかりませんでした。ID は「${example}」のように入力してください。`,
    helpTitle: '使い方',
    helpIntro: (title) => `厚生労働省「${title}」の要求事項ごとに、Teams での対応と医療機関が行う対応をお答えします。`,
    helpWelcome: 'アプリを追加していただき、ありがとうございます。',
    helpHowTo: (example) => [
      '質問を日本語または英語で送ってください（チャネルでは @メンションしてください）。',
      `「${example}」のように ID を送ると、その要求事項の詳細を表示します。`,
      '「6.5」や「技術的安全対策」のように節を送ると、その節の一覧を表示します。',
    ],
    helpExamplesHeading: '質問の例',
    helpExamples: ['アクセスログはどう管理されていますか', '個人のスマホで Teams を使ってもいいですか', 'データセンターはどこにありますか', '多要素認証（二要素認証）は必要ですか', '6.5 C-6'],
    noMatchTitle: '該当する要求事項が見つかりませんでした',
    noMatchBody: (q) => `「${q}」に合う要求事項を見つけられませんでした。言い換えるか、近いテーマから選んでください。`,
    noMatchSuggestions: '近いテーマ',
    tooLong: (n) => `質問が長すぎます（${n} 文字まで）。要点を短くして送ってください。`,
    empty: '質問を入力してください。',
    unknownAction: 'このボタンの操作は認識できませんでした。もう一度質問してください。',
    error: '申し訳ありません。回答の作成中に問題が発生しました。しばらくしてからもう一度お試しください。',
    disclaimer: (edition) => `ガイドライン（${edition}）の原文や Microsoft の公式文書ではなく、公開情報をもとに独自にまとめた参考情報です。`,
    channelStatus: (s, o) => (o ? `このチャネルの対応状況: ${s}（担当: ${o}）` : `このチャネルの対応状況: ${s}`),
    status: { unchecked: '未着手', done: '対応済', partial: '一部対応', 'not-done': '未対応', 'not-applicable': '該当なし' },
    extensionNoResults: (q) => `「${q}」に合う要求事項はありません。`,
    extensionQueryTooLong: (n) => `検索語が長すぎます（${n} 文字まで）。`,
    extensionUnknownCommand: 'このコマンドには対応していません。',
    extensionUnknownLink: 'このリンクの要求事項は見つかりませんでした。',
  },
  en: {
    appName: 'Medical Information Security Reference',
    answerIntro: (q) => `The requirement closest to "${q}":`,
    closeSecond: (id, t) => `This one may fit just as well: ${id} ${t}`,
    newRule: (e, id, t) => `Related new rule (${e}): ${id} ${t}`,
    level: { C: 'Minimum', D: 'Recommended' },
    conformity: { conformable: 'Conformable', 'not-met-by-teams': 'Not met by Teams', 'outside-teams': 'Outside Teams' },
    confidenceMarker: 'To verify',
    requirementSource: (d) => `Source of this summary: ${d}`,
    requirementBasis: {
      'v5-text': 'the 5th edition text',
      'v5-quote': 'a document quoting the 5th edition',
      'v52-text': 'reconstructed from the 5.2 edition text',
      'v6-text': 'reconstructed from the 6.0 edition text',
      'v6-draft': 'a working-group draft of the 6.0 edition',
      'v6-quote': 'a document quoting the 6.0 edition',
      'v7-quote': 'a document quoting the 7.0 edition',
      reported: 'a secondary description (not a quotation)',
      inferred: 'inferred (the original not seen)',
      index: 'a research summary only (not checked against the original)',
    },
    requirementHeading: 'Requirement (our summary)',
    borrowedCoverageHeading: (e) => `What Teams and Microsoft 365 provide (from the ${e} items)`,
    borrowedCoverageIntro: 'This item\'s 5th edition counterparts. Open each for what Teams provides and what the hospital does.',
    noCoverageYet: (e) => `No ${e} item answers this one yet, and its Teams coverage has not been written.`,
    borrowedConformity: (e) => `See the ${e} items`,
    noConformityYet: 'Coverage not written yet',
    counterpartsHeading: 'Counterparts in other editions',
    counterpartLine: (e, id, t, b) => `${e} ${id} ${t} (${b})`,
    counterpartBasis: { 'mhlw-table': 'MHLW\'s table', 'same-text': 'same number and text', subject: 'inferred from the subject', via: 'inferred through the edition in between' },
    counterpartChange: (c) => `What changed: ${c}`,
    teamsHeading: 'What Teams and Microsoft 365 provide',
    teamsMoreHeading: 'What Teams and Microsoft 365 provide (details)',
    actionsHeading: 'What the hospital or integrator does',
    licensingHeading: 'Licensing',
    reviewHeading: 'What to verify',
    certificationsHeading: 'Related third-party certifications',
    documentsHeading: 'Public documents consulted',
    checkedOn: (d) => `Content checked on ${d}`,
    documentNoLongerPublished: '(no longer published)',
    documentLabel: (n, t) => `Doc ${n}: ${t}`,
    relatedHeading: 'Related requirements',
    showMore: 'Show details',
    showLess: 'Hide details',
    showSection: (s) => `All of section ${s}`,
    openInTab: 'Open in checklist',
    share: 'Share',
    shareHow: (id) => `Copy this link into any chat or channel: it shows as the card of ${id}. You can also search for "${id}" with this app from the compose box and insert its card.`,
    shareLinkLabel: 'Link to this requirement',
    sectionHeading: (s, t) => `${s} ${t}`,
    sectionCount: (n) => `${n} requirement${n === 1 ? '' : 's'}. Choose one to see the details.`,
    sectionNotFound: (s) => `No requirements found for section ${s}.`,
    itemNotFound: (id, example) => `No requirement with ID ${id}. Type IDs like "${example}".`,
    helpTitle: 'How to use',
    helpIntro: (title) => `For each requirement of the MHLW "${title}", I tell you what Microsoft Teams provides and what your hospital must do.`,
    helpWelcome: 'Thanks for adding the app.',
    helpHowTo: (example) => [
      'Ask a question in English or Japanese (in a channel, @mention me).',
      `Send an ID such as "${example}" to see that requirement.`,
      'Send a section such as "6.5" or "Technical safeguards" to list its requirements.',
    ],
    helpExamplesHeading: 'Try asking',
    helpExamples: ['How is access logging handled?', 'Can staff use Teams on their own phones?', 'Where is our data stored?', 'Do we need multifactor authentication?', '6.5 C-6'],
    noMatchTitle: 'No matching requirement',
    noMatchBody: (q) => `I could not find a requirement that matches "${q}". Try other words, or pick a nearby topic.`,
    noMatchSuggestions: 'Nearby topics',
    tooLong: (n) => `That question is too long (limit ${n} characters). Please send a shorter one.`,
    empty: 'Please type a question.',
    unknownAction: 'I did not recognise that button. Please ask again.',
    error: 'Sorry, something went wrong while preparing the answer. Please try again in a moment.',
    disclaimer: (edition) => `Reference information compiled independently from public sources; not the text of the guideline (${edition}) and not a Microsoft statement.`,
    channelStatus: (s, o) => (o ? `Status in this channel: ${s} (owner: ${o})` : `Status in this channel: ${s}`),
    status: { unchecked: 'Not started', done: 'Done', partial: 'Partly done', 'not-done': 'Not done', 'not-applicable': 'Does not apply' },
    extensionNoResults: (q) => `No requirement matches "${q}".`,
    extensionQueryTooLong: (n) => `The search text is too long (limit ${n} characters).`,
    extensionUnknownCommand: 'This command is not supported.',
    extensionUnknownLink: 'No requirement found for this link.',
  },
};
