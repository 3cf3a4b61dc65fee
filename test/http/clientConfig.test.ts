/**
 * The tab asks the server for the Teams app ID and public address, which it
 * needs to build links to an item that work outside the Teams iframe.
 */
import { startTestServer, RunningServer } from '../helpers/testServer';

describe('GET /api/client-config', () => {
  let srv: RunningServer | undefined;
  afterEach(async () => { await srv?.stop(); srv = undefined; });

  it('returns the configured Teams app ID and public base URL', async () => {
    srv = await startTestServer({ TEAMS_APP_ID: '00000000-0000-4000-8000-000000000abc', PUBLIC_BASE_URL: 'https://medsec.example.jp/' });
    const res = await fetch(`${srv.baseUrl}/api/client-config`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ teamsAppId: '00000000-0000-4000-8000-000000000abc', publicBaseUrl: 'https://medsec.example.jp' });
  });

  it('returns nulls when the deployment has not set them', async () => {
    srv = await startTestServer();
    const res = await fetch(`${srv.baseUrl}/api/client-config`);
    expect(await res.json()).toEqual({ teamsAppId: null, publicBaseUrl: null });
  });
});
