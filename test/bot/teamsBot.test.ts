/**
 * TeamsBot with botbuilder's TestAdapter: the dispatch alone, no HTTP.
 */
import { TestAdapter, ActivityTypes } from 'botbuilder';
import pino from 'pino';
import { TeamsBot } from '../../bot/teams/teamsBot';
import { SearchIndex } from '../../bot/search/searchIndex';
import { testReference } from '../helpers/testServer';

const reference = testReference();
const bot = new TeamsBot({ reference, index: new SearchIndex(reference.items, reference.vocabulary), logger: pino({ level: 'silent' }) });

function adapter() {
  return new TestAdapter(async (context) => { await bot.run(context); }, { channelId: 'msteams', locale: 'ja-JP' } as any);
}

function firstCard(activity: any) {
  return activity.attachments?.[0]?.content;
}

describe('TeamsBot (TestAdapter)', () => {
  it('answers a question with one Adaptive Card', async () => {
    await adapter()
      .send('二段階認証を入れる期限はありますか')
      .assertReply((a: any) => {
        expect(a.type).toBe(ActivityTypes.Message);
        expect(a.attachments).toHaveLength(1);
        expect(firstCard(a).type).toBe('AdaptiveCard');
        expect(JSON.stringify(firstCard(a))).toContain('6.5 D-5');
      });
  });

  it('answers help with the help card', async () => {
    await adapter().send('ヘルプ').assertReply((a: any) => {
      expect(JSON.stringify(firstCard(a))).toContain('質問の例');
    });
  });

  it('handles card button data sent without text', async () => {
    await adapter()
      .send({ type: 'message', value: { action: 'showItem', id: '6.5-C-6', locale: 'en' } } as any)
      .assertReply((a: any) => {
        expect(JSON.stringify(firstCard(a))).toContain('6.5 C-6');
        expect(JSON.stringify(firstCard(a))).toContain('What Teams provides');
      });
  });
});
