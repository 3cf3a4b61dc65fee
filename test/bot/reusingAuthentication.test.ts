/**
 * Outbound clients are built once per (app, caller, service URL), not per
 * turn — and inbound authentication still runs for every request.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../bot/teams/reusingAuthentication';

const activity = (serviceUrl: string) => ({
  type: 'message', channelId: 'msteams', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' },
}) as unknown as Activity;

describe('ReusingBotFrameworkAuthentication', () => {
  it('reuses one connector client per service URL across turns (local mode)', async () => {
    const auth = new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const a = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const b = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const c = await auth.authenticateRequest(activity('http://127.0.0.1:2'), '');
    const ca = await a.connectorFactory!.create('http://127.0.0.1:1', a.audience);
    const cb = await b.connectorFactory!.create('http://127.0.0.1:1', b.audience);
    const cc = await c.connectorFactory!.create('http://127.0.0.1:2', c.audience);
    expect(ca).toBe(cb);
    expect(cc).not.toBe(ca);
    expect(auth.connectorClientCount).toBe(2);
    expect(await auth.createUserTokenClient(a.claimsIdentity)).toBe(await auth.createUserTokenClient(b.claimsIdentity));
  });

  it('still refuses requests without a valid token when an app ID is configured', async () => {
    const auth = new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '00000000-0000-4000-8000-00000000000a',
    }));
    await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/jp/'), '')).rejects.toThrow();
    await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/jp/'), 'Bearer forged.token.value')).rejects.toThrow();
    expect(auth.connectorClientCount).toBe(0);
  });

  it('does not remember a client that could not be created', async () => {
    const inner = new ConfigurationBotFrameworkAuthentication({});
    const auth = new ReusingBotFrameworkAuthentication(inner);
    const result = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    let calls = 0;
    const failing = { create: async () => { calls += 1; throw new Error('no token'); } };
    // Swap in a factory that fails, as a credential outage would.
    const wrapped = Object.getPrototypeOf(result.connectorFactory).constructor as new (...args: unknown[]) => NonNullable<typeof result.connectorFactory>;
    const factory = new wrapped(failing, 'k', (auth as unknown as { connectors: unknown }).connectors);
    await expect(factory.create('http://127.0.0.1:9')).rejects.toThrow('no token');
    await new Promise((r) => setImmediate(r));
    await expect(factory.create('http://127.0.0.1:9')).rejects.toThrow('no token');
    expect(calls).toBe(2);
  });
});
