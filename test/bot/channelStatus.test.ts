/**
 * In a channel with a self-assessment, the bot's answer card shows that
 * item's status and owner there — and nothing in other channels.
 */
import { startTestServer, RunningServer } from '../helpers/testServer';
import { channelMention, messageActivity, postActivity, replyCards } from '../helpers/activities';

const TEAM = '19:team-1@thread.tacv2';
const CHANNEL = '19:channel-1@thread.tacv2';
let srv: RunningServer;
beforeAll(async () => { srv = await startTestServer(); });
afterAll(async () => { await srv.stop(); });

async function setStatus(itemId: string, body: unknown) {
  const scope = encodeURIComponent(`channel:${TEAM}:${CHANNEL}`);
  const res = await fetch(`${srv.baseUrl}/api/assessments/${scope}/items/${itemId}`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe('channel status on answer cards', () => {
  it('shows the channel\'s status and owner for the answered item', async () => {
    await setStatus('6.5-C-6', { status: 'partial', owner: '情報システム課 佐藤', version: 0 });
    const { body } = await postActivity(srv.baseUrl, channelMention('6.5 C-6', { deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(replyCards(body)[0])).toContain('このチャネルの対応状況: 一部対応（担当: 情報システム課 佐藤）');
  });

  it('shows it in English for an English question', async () => {
    const { body } = await postActivity(srv.baseUrl, channelMention('how is access logging handled?', { deliveryMode: 'expectReplies', locale: 'en-US' }));
    expect(JSON.stringify(replyCards(body)[0])).toContain('Status in this channel: Partly done (owner: 情報システム課 佐藤)');
  });

  it('shows nothing for an item without a status, nor in a personal chat', async () => {
    const other = await postActivity(srv.baseUrl, channelMention('6.9 C-7', { deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(replyCards(other.body)[0])).not.toContain('このチャネルの状況');
    const personal = await postActivity(srv.baseUrl, messageActivity('6.5 C-6', { deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(replyCards(personal.body)[0])).not.toContain('このチャネルの状況');
  });
});
