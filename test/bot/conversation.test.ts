/**
 * What the bot answers, tested without Teams: intents, language, and honesty
 * when nothing matches.
 */
import { testReference } from '../helpers/testServer';
import { Conversation, chooseLocale, detectIntent, MAX_QUESTION_LENGTH } from '../../bot/conversation/respond';
import { SearchIndex } from '../../bot/search/searchIndex';

const reference = testReference();
const conversation = new Conversation({ reference, index: new SearchIndex(reference.items, reference.vocabulary) });

describe('understanding a message', () => {
  it.each([
    ['6.5 C-6', '6.5-C-6'],
    ['6.5-C-6', '6.5-C-6'],
    ['6.5章C-6', '6.5-C-6'],
    ['show 6.9 C-7', '6.9-C-7'],
    ['６．５　Ｃ－６ を見せて', '6.5-C-6'],
    ['7.1 C-1.3', '7.1-C-1.3'],
    ['6.6 C(1)-2', '6.6-C-1.2'],
  ])('"%s" opens item %s', (text, id) => {
    expect(detectIntent(text, reference)).toEqual({ kind: 'item', id });
  });

  it.each([['6.5', '6.5'], ['6.5章の一覧', '6.5'], ['show section 6.11', '6.11'], ['技術的安全対策', '6.5'], ['Technical safeguards', '6.5']])('"%s" lists section %s', (text, section) => {
    expect(detectIntent(text, reference)).toEqual({ kind: 'section', section });
  });

  it.each(['help', 'ヘルプ', 'HELP', '使い方', '', '  '])('"%s" asks for help', (text) => {
    expect(detectIntent(text, reference)).toEqual({ kind: 'help' });
  });

  it('treats other text as a question', () => {
    expect(detectIntent('アクセスログはどう管理されていますか', reference).kind).toBe('search');
    expect(detectIntent('Is 6.5 about technical safeguards and logs?', reference).kind).toBe('search');
  });

  it('answers in the language of the question, else the Teams locale', () => {
    expect(chooseLocale('アクセスログ', 'en')).toBe('ja');
    expect(chooseLocale('how is access logging handled?', 'ja')).toBe('en');
    expect(chooseLocale('6.5 C-6', 'en')).toBe('en');
    expect(chooseLocale('6.5 C-6', 'ja')).toBe('ja');
    expect(chooseLocale('6.5 C-6', undefined)).toBe('ja');
  });
});

describe('answering', () => {
  it('an ID gets that item\'s detail card, with related items', async () => {
    const reply = await conversation.answerText('6.5 C-6', 'ja');
    expect(reply.intent).toBe('item');
    expect(reply.itemIds[0]).toBe('6.5-C-6');
    expect(JSON.stringify(reply.cards[0])).toContain('6.5 C-6');
  });

  it('an unknown ID says so instead of guessing', async () => {
    const reply = await conversation.answerText('6.5 C-99', 'ja');
    expect(reply.intent).toBe('notice');
    expect(JSON.stringify(reply.cards[0])).toContain('6.5 C-99');
  });

  it('a section lists all its items', async () => {
    const reply = await conversation.answerText('6.5', 'en');
    expect(reply.intent).toBe('section');
    expect(reply.itemIds).toEqual(reference.items.filter((i) => i.section === '6.5').map((i) => i.id));
  });

  it('a question gets the best item first, then up to four related items', async () => {
    const reply = await conversation.answerText('アクセスログはどう管理されていますか', 'ja');
    expect(reply.intent).toBe('search');
    expect(reply.itemIds[0]).toBe('6.5-C-6');
    expect(reply.itemIds.length).toBeGreaterThan(1);
    expect(reply.itemIds.length).toBeLessThanOrEqual(5);
    expect(reply.locale).toBe('ja');
  });

  it('the same question in English gets the same item in English', async () => {
    const reply = await conversation.answerText('how is access logging handled?', 'ja');
    expect(reply.itemIds[0]).toBe('6.5-C-6');
    expect(reply.locale).toBe('en');
    expect(JSON.stringify(reply.cards[0])).toContain('What Teams provides');
  });

  it.each(['今日の昼ごはんは何がいいですか', 'qwxzv plorf', 'What is the capital of France?'])('"%s" gets an honest no-match card, not a random item', async (q) => {
    const reply = await conversation.answerText(q, 'ja');
    expect(reply.intent).toBe('no-match');
    expect(JSON.stringify(reply.cards[0])).toMatch(/見つかりませんでした|No matching requirement/);
  });

  it('an over-long question gets a polite request to shorten it', async () => {
    const reply = await conversation.answerText('ログ'.repeat(MAX_QUESTION_LENGTH), 'ja');
    expect(reply.intent).toBe('notice');
    expect(JSON.stringify(reply.cards[0])).toContain(String(MAX_QUESTION_LENGTH));
  });

  it('card buttons open items and sections; unknown button data is answered politely', async () => {
    expect((await conversation.answerCardAction({ action: 'showItem', id: '6.5-C-7', locale: 'en' }, 'ja')).itemIds[0]).toBe('6.5-C-7');
    expect((await conversation.answerCardAction({ action: 'showSection', section: '6.9', locale: 'ja' }, 'ja')).intent).toBe('section');
    expect((await conversation.answerCardAction({ action: 'ask', q: 'help' }, 'en')).intent).toBe('help');
    expect((await conversation.answerCardAction({ action: 'drop table' }, 'ja')).intent).toBe('notice');
    expect((await conversation.answerCardAction('<script>', undefined)).intent).toBe('notice');
  });
});
