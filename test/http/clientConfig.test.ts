/**
 * The tab asks the server for the Teams app IDs and public address, which it
 * needs to build links to an item that work outside the Teams iframe: the
 * catalogue app ID once the app is published to the organisation's catalogue,
 * else the manifest ID.
 */
import { ClientConfig } from '../../contract/api';
import { startTestServer, RunningServer } from '../helpers/testServer';

const MANIFEST_ID = '00000000-0000-4000-8000-000000000abc';
const CATALOG_ID = '5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('GET /api/client-config', () => {
  let srv: RunningServer | undefined;
  afterEach(async () => { await srv?.stop(); srv = undefined; });

  it('returns the configured Teams app IDs and public base URL, in the contract\'s shape', async () => {
    srv = await startTestServer({ TEAMS_APP_ID: MANIFEST_ID, TEAMS_CATALOG_APP_ID: CATALOG_ID, PUBLIC_BASE_URL: 'https://medsec.example.jp/' });
    const res = await fetch(`${srv.baseUrl}/api/client-config`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ teamsAppId: MANIFEST_ID, teamsCatalogAppId: CATALOG_ID, publicBaseUrl: 'https://medsec.example.jp' });
    expect(ClientConfig.safeParse(body).success).toBe(true);
  });

  it('returns nulls when the deployment has not set them (a sideloaded app has no catalogue ID)', async () => {
    srv = await startTestServer({ TEAMS_APP_ID: MANIFEST_ID });
    const res = await fetch(`${srv.baseUrl}/api/client-config`);
    expect(await res.json()).toEqual({ teamsAppId: MANIFEST_ID, teamsCatalogAppId: null, publicBaseUrl: null });
  });

  it('will not start with a catalogue app ID that is not a GUID', async () => {
    await expect(startTestServer({ TEAMS_CATALOG_APP_ID: 'medsec-reference' })).rejects.toThrow(/TEAMS_CATALOG_APP_ID must be the app's ID in your organisation's app catalogue \(a GUID\)/);
  });
});
