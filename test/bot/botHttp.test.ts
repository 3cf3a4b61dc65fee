/**
 * The bot end to end over HTTP: Teams activities posted to /api/messages of
 * the real server, replies captured with deliveryMode "expectReplies" and
 * through a fake connector on loopback.
 */
import { AuthenticationError } from 'botframework-connector';
import { authenticationFailure } from '../../bot/teams/botEndpoint';
import { startFakeBotFramework, type FakeBotFramework } from '../helpers/fakeBotFramework';
import { startTestServer, RunningServer } from '../helpers/testServer';
import { startFakeConnector, FakeConnector } from '../helpers/fakeConnector';
import { channelMention, messageActivity, postActivity, replyCards } from '../helpers/activities';
import { cardProblems } from '../helpers/cardValidation';
import { answeredItem, cardTexts } from '../helpers/cards';

describe('the bot in local mode (no MicrosoftAppId)', () => {
  let srv: RunningServer;
  let connector: FakeConnector;
  beforeAll(async () => {
    srv = await startTestServer({ PUBLIC_BASE_URL: 'https://medsec.example.org', TEAMS_APP_ID: '11111111-2222-3333-4444-555555555555' });
    connector = await startFakeConnector();
  });
  afterAll(async () => { await srv.stop(); await connector.close(); });

  it('answers a Japanese question about access logs with the 6.5 C-6 card', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('アクセスログはどう管理されていますか', { deliveryMode: 'expectReplies' }));
    expect(status).toBe(200);
    const [card] = replyCards(body);
    expect(cardProblems(card)).toEqual([]);
    expect(answeredItem(card)).toBe('6.5-C-6');
    expect(cardTexts(card)).toContain('Teams・Microsoft 365 での対応');
    expect(JSON.stringify(card)).toContain('https://teams.microsoft.com/l/entity/11111111-2222-3333-4444-555555555555/checklist');
  });

  it('answers the English question in English', async () => {
    const { body } = await postActivity(srv.baseUrl, messageActivity('how is access logging handled?', { deliveryMode: 'expectReplies', locale: 'en-US' }));
    const [card] = replyCards(body);
    expect(answeredItem(card)).toBe('6.5-C-6');
    expect(cardTexts(card)).toContain('What Teams and Microsoft 365 provide');
  });

  it('strips the @mention in a channel before reading the question', async () => {
    // A question (not an ID, which would be found with or without the mention): the card echoes what it answered.
    const { body } = await postActivity(srv.baseUrl, channelMention('アクセスログはどう管理されていますか？', { deliveryMode: 'expectReplies' }));
    const [card] = replyCards(body);
    expect(answeredItem(card)).toBe('6.5-C-6');
    // (as the question is read: width-folded, so ？ becomes ?)
    expect(cardTexts(card)[0]).toBe('「アクセスログはどう管理されていますか?」に最も近い要求事項です。');
    expect(JSON.stringify(card)).not.toContain('<at>');
  });

  it('sends replies to the connector at the activity\'s serviceUrl when not asked to return them', async () => {
    const before = connector.received.length;
    const { status } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: connector.url }));
    expect(status).toBe(200);
    await connector.waitFor(before + 1);
    const sent = connector.received[before];
    expect(sent.path).toMatch(/^\/v3\/conversations\/.+\/activities/);
    expect(sent.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(sent.body.attachments[0].content)).toEqual([]);
  });

  it('welcomes the team when the bot is added, with example questions as buttons', async () => {
    const { body } = await postActivity(srv.baseUrl, messageActivity('', {
      type: 'conversationUpdate', text: undefined, deliveryMode: 'expectReplies', membersAdded: [{ id: '28:bot-1' }],
    }));
    const text = JSON.stringify(replyCards(body)[0]);
    expect(text).toContain('アプリを追加していただき、ありがとうございます。');
    expect(text).toContain('Action.Submit');
  });

  it('handles a card button (Action.Submit value) in the same conversation', async () => {
    const { body } = await postActivity(srv.baseUrl, messageActivity('', {
      text: undefined, value: { action: 'showSection', section: '6.5', locale: 'ja' }, deliveryMode: 'expectReplies',
    }));
    expect(JSON.stringify(replyCards(body)[0])).toContain('技術的安全対策');
  });

  it('refuses an activity whose serviceUrl is not loopback, without calling it', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: 'https://smba.trafficmanager.net/jp/' }));
    expect(status).toBe(403);
    expect(body.error.code).toBe('service_url_refused');
  });

  it.each([
    ['malformed JSON', '{"type":"message",'],
    ['an array', '[]'],
    ['no type', JSON.stringify({ ...messageActivity('x'), type: undefined })],
    ['no conversation', JSON.stringify({ ...messageActivity('x'), conversation: undefined })],
    ['a bad serviceUrl', JSON.stringify({ ...messageActivity('x'), serviceUrl: 'not a url' })],
  ])('rejects %s with a JSON 400 and no stack trace', async (_label, raw) => {
    const { status, body, text } = await postActivity(srv.baseUrl, raw);
    expect(status).toBe(400);
    expect(body.error).toBeDefined();
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('answers 100 KB of text politely instead of crashing', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('ログ'.repeat(50 * 1024), { deliveryMode: 'expectReplies' }));
    expect(status).toBe(200);
    expect(JSON.stringify(replyCards(body)[0])).toContain('長すぎます');
  });

  it('rejects a body over the size limit with a JSON 413', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('x'.repeat(600 * 1024)));
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
  });

  it('treats markup and injection strings as plain questions', async () => {
    for (const q of ['<script>alert(1)</script>', "'; DROP TABLE items; --", '${process.env}', '[x](javascript:alert(1))']) {
      const { status, body } = await postActivity(srv.baseUrl, messageActivity(q, { deliveryMode: 'expectReplies' }));
      expect(status).toBe(200);
      const card = replyCards(body)[0];
      expect(cardProblems(card)).toEqual([]);
      // Echoed text is escaped so Teams cannot render it as a link or markup.
      const texts = JSON.stringify(card.body.map((b: any) => b.text ?? ''));
      expect(texts).not.toMatch(/\[[^\]\\]*\]\(/);
    }
  });

  it('answers unknown activity types and invoke names without crashing', async () => {
    const typing = await postActivity(srv.baseUrl, messageActivity('', { type: 'typing', text: undefined }));
    expect(typing.status).toBe(200);
    const invoke = await postActivity(srv.baseUrl, messageActivity('', { type: 'invoke', name: 'no/such-invoke', text: undefined }));
    // TeamsActivityHandler answers an invoke it has no handler for with 501 Not Implemented.
    expect(invoke.status).toBe(501);
    const health = await fetch(`${srv.baseUrl}/api/health`);
    expect(health.status).toBe(200);
  });
});

describe('the bot once the app is published to the organisation\'s catalogue (TEAMS_CATALOG_APP_ID)', () => {
  it('links its cards to the tab through the catalogue app ID, not the manifest ID', async () => {
    const srv = await startTestServer({
      PUBLIC_BASE_URL: 'https://medsec.example.org', TEAMS_APP_ID: '11111111-2222-3333-4444-555555555555', TEAMS_CATALOG_APP_ID: '5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    });
    try {
      const { body } = await postActivity(srv.baseUrl, messageActivity('6.5 C-6', { deliveryMode: 'expectReplies' }));
      const text = JSON.stringify(replyCards(body)[0]);
      expect(text).toContain('https://teams.microsoft.com/l/entity/5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/checklist');
      expect(text).not.toContain('/l/entity/11111111-2222-3333-4444-555555555555/');
    } finally {
      await srv.stop();
    }
  });
});

describe('the bot with a Microsoft app registration', () => {
  const APP_ID = '99999999-8888-7777-6666-555555555555';
  const SERVICE_URL = 'https://smba.trafficmanager.net/jp/';
  let srv: RunningServer;
  let bf: FakeBotFramework;
  beforeAll(async () => {
    // botframework-connector prints every refused token with console.error.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    bf = await startFakeBotFramework();
    srv = await startTestServer({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-real', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'aaaaaaaa-0000-4000-8000-00000000000a', BOT_OPENID_METADATA_URL: bf.metadataUrl });
  });
  afterAll(async () => { await srv.stop(); await bf.stop(); jest.restoreAllMocks(); });

  it('answers a request the Bot Framework signed for this bot', async () => {
    const token = await bf.token(APP_ID, SERVICE_URL);
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies' }), { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(replyCards(body)).toHaveLength(1);
  });

  it('refuses an unauthenticated request with 401', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: SERVICE_URL }));
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });

  it.each([
    ['signed with a key the Bot Framework does not publish', { forged: true }],
    ['signed under a key ID the Bot Framework does not know', { kid: 'unknown-key' }],
    ['expired', { expiresIn: -3600 }],
  ])('refuses a token %s with 401', async (_what, options) => {
    const token = await bf.token(APP_ID, SERVICE_URL, options);
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: SERVICE_URL }), { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });

  it('refuses a valid token issued for another bot with 401', async () => {
    const token = await bf.token('00000000-0000-0000-0000-000000000000', SERVICE_URL);
    const { status } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: SERVICE_URL }), { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
  });

});

describe('telling an authentication failure from a bug', () => {
  it.each([
    ['AuthenticationError (missing, unknown or expired key)', new AuthenticationError('Signing Key could not be retrieved.', 401), 'unauthorized'],
    ['jsonwebtoken: bad signature', Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }), 'unauthorized'],
    ['jsonwebtoken: not yet valid', Object.assign(new Error('jwt not active'), { name: 'NotBeforeError' }), 'unauthorized'],
    ['the key service cannot be reached', Object.assign(new Error('request to https://login.botframework.com failed'), { name: 'FetchError' }), 'unavailable'],
    // The old check read any message mentioning "token" as an auth failure.
    ['a bug whose message says "token"', new SyntaxError('Unexpected token < in JSON at position 0'), undefined],
    ['any other error', new TypeError('x is undefined'), undefined],
  ])('%s', (_what, err, expected) => {
    expect(authenticationFailure(err)).toBe(expected);
  });
});
