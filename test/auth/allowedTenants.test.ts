/**
 * Who may use this deployment: the tenants of ALLOWED_TENANT_IDS. The server
 * says at start-up which tenants those are, so an administrator whose users
 * are refused can see at once whether the deployment names the right one.
 */
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { createApp } from '../../bot/app';
import { testLibrary, testServices } from '../helpers/testServer';
import { CLIENT_ID, TENANT_A, TENANT_B } from '../helpers/fakeEntra';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Starts (and closes) the app with `env`, returning what it logged at info level and above. */
async function startupLog(env: NodeJS.ProcessEnv): Promise<Array<Record<string, unknown>>> {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-tenants-'));
  try {
    const config = loadConfig({ ASSESSMENT_DB_PATH: path.join(tmp, 'a.sqlite'), ...env });
    const app = await createApp({ config, library: testLibrary(), services: testServices(), logger });
    await app.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return lines;
}

describe('the start-up log', () => {
  it('names the allowed tenants and the setting they come from', async () => {
    const lines = await startupLog({ AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: `${TENANT_A}, ${TENANT_B.toUpperCase()}` });
    const line = lines.find((l) => String(l.msg).startsWith('allowed tenants'));
    expect(line).toMatchObject({
      level: 30,
      allowedTenantIds: [TENANT_A, TENANT_B],
      msg: `allowed tenants (ALLOWED_TENANT_IDS): ${TENANT_A}, ${TENANT_B} — the assessments API and the bot refuse every other tenant`,
    });
  });

  it('says local mode instead when there is no sign-in configuration', async () => {
    const lines = await startupLog({});
    expect(lines.some((l) => String(l.msg).startsWith('allowed tenants'))).toBe(false);
    expect(lines.some((l) => String(l.msg).startsWith('assessments: local mode'))).toBe(true);
  });
});
