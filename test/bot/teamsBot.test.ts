/**
 * TeamsBot with botbuilder's TestAdapter: the dispatch alone, no HTTP —
 * what only this layer decides: the text it hands the conversation (mentions
 * removed), the button data it routes, one card per reply.
 */
import { TestAdapter, ActivityTypes } from 'botbuilder';
import pino from 'pino';
import { TeamsBot } from '../../bot/teams/teamsBot';
import { testLibrary, testServices } from '../helpers/testServer';
import { answeredItem, cardTexts } from '../helpers/cards';

const bot = new TeamsBot({ library: testLibrary(), services: testServices(), logger: pino({ level: 'silent' }) });

function adapter() {
  return new TestAdapter(async (context) => { await bot.run(context); }, { channelId: 'msteams', locale: 'ja-JP' } as any);
}

function firstCard(activity: any) {
  return activity.attachments?.[0]?.content;
}

describe('TeamsBot (TestAdapter)', () => {
  it('answers a question with one Adaptive Card about the best item', async () => {
    await adapter()
      .send('二要素認証を入れる期限はありますか')
      .assertReply((a: any) => {
        expect(a.type).toBe(ActivityTypes.Message);
        expect(a.attachments).toHaveLength(1);
        expect(firstCard(a).type).toBe('AdaptiveCard');
        expect(answeredItem(firstCard(a))).toBe('6.5-D-5');
      });
  });

  it('takes the @mention out of a channel question before answering it', async () => {
    const mention = { type: 'mention', text: '<at>medsec</at>', mentioned: { id: 'bot', name: 'medsec' } };
    await adapter()
      .send({ type: 'message', text: '<at>medsec</at> アクセスログはどう管理されていますか', entities: [mention], recipient: { id: 'bot', name: 'medsec' } } as any)
      .assertReply((a: any) => {
        expect(answeredItem(firstCard(a))).toBe('6.5-C-6');
        // The card echoes the question it answers: without the mention markup or the bot's name.
        const intro = cardTexts(firstCard(a))[0];
        expect(intro).toBe('「アクセスログはどう管理されていますか」に最も近い要求事項です。');
      });
  });

  it('answers help with the help card', async () => {
    await adapter().send('ヘルプ').assertReply((a: any) => {
      expect(cardTexts(firstCard(a))).toContain('質問の例');
    });
  });

  it('routes card button data sent without text, in the button\'s language', async () => {
    await adapter()
      .send({ type: 'message', value: { action: 'showItem', id: '6.5-C-6', locale: 'en' } } as any)
      .assertReply((a: any) => {
        expect(answeredItem(firstCard(a))).toBe('6.5-C-6');
        expect(cardTexts(firstCard(a))).toContain('What Teams and Microsoft 365 provide');
      });
  });

  it('still runs onTurn() handlers, and every activity type, through ActivityHandler', async () => {
    const withTurn = new TeamsBot({ library: testLibrary(), services: testServices(), logger: pino({ level: 'silent' }) });
    const seen: string[] = [];
    withTurn.onTurn(async (context, next) => { seen.push(context.activity.type); await next(); });
    await new TestAdapter(async (context) => { await withTurn.run(context); }, { channelId: 'msteams', locale: 'ja-JP' } as any)
      .send('アクセスログはどう管理されていますか')
      .assertReply((a: any) => expect(answeredItem(firstCard(a))).toBe('6.5-C-6'));
    expect(seen).toEqual(['message']);
    // The welcome goes through the conversationUpdate handlers (onMembersAdded), not the message shortcut.
    await adapter()
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }], recipient: { id: 'bot' } } as any)
      .assertReply((a: any) => expect(cardTexts(firstCard(a)).length).toBeGreaterThan(0));
  });
});
