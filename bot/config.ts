/**
 * Environment variables → one typed configuration object, read once by the
 * composition root. Every variable is documented in the README's table.
 */
import * as path from 'node:path';
import { z } from 'zod';

const optionalString = z.string().trim().optional().transform((v) => (v === '' ? undefined : v));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: optionalString,
  DATA_DIR: optionalString,
  /** Public base URL of this service (for links in cards and deep links). */
  PUBLIC_BASE_URL: optionalString,
  /** The Teams app ID from the manifest (for deep links to the tab). */
  TEAMS_APP_ID: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optionalString,
});

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  production: boolean;
  dataDir?: string;
  publicBaseUrl?: string;
  teamsAppId?: string;
  bot: {
    /** No MicrosoftAppId: no Bot Framework auth, replies only to loopback service URLs. */
    localMode: boolean;
    appId?: string;
    appPassword?: string;
    appType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : undefined,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    teamsAppId: e.TEAMS_APP_ID,
    bot: {
      localMode: !e.MicrosoftAppId,
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
  };
  const complaints: string[] = [];
  const missing = missingBotSettings(config);
  if (missing.length) complaints.push(`Incomplete bot configuration: MicrosoftAppId is set, but ${missing.join('; ')}.`);
  const unfit = config.production ? missingProductionSettings(config) : [];
  if (unfit.length) complaints.push(`Incomplete production configuration (NODE_ENV=production): ${unfit.join('; ')}.`);
  if (config.publicBaseUrl && !isHttpUrl(config.publicBaseUrl)) {
    complaints.push(`PUBLIC_BASE_URL must be an http(s) URL such as https://medsec.example.jp, not "${config.publicBaseUrl}".`);
  }
  if (complaints.length) throw new ConfigError(complaints.join('\n'));
  return config;
}

/** A half configuration must stop start-up, saying exactly what is missing. */
function missingBotSettings(config: Config): string[] {
  const b = config.bot;
  if (b.localMode) return [];
  const missing: string[] = [];
  const type = b.appType ?? 'MultiTenant';
  if (type !== 'UserAssignedMSI' && !b.appPassword) missing.push('MicrosoftAppPassword is not set (required unless MicrosoftAppType=UserAssignedMSI)');
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !b.tenantId) missing.push(`MicrosoftAppTenantId is not set (required for MicrosoftAppType=${type})`);
  // botbuilder refuses a managed identity with a password, with a bare assertion at start-up.
  if (type === 'UserAssignedMSI' && b.appPassword) missing.push('MicrosoftAppPassword is set, which a managed identity (MicrosoftAppType=UserAssignedMSI) must not have: remove it');
  return missing;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isHttpUrl(value: string, protocols = ['http:', 'https:']): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * A deployment must not start half-configured and fail later in front of
 * users: without the bot's identity Teams' messages are refused, without the
 * public address the cards' links point nowhere, without the Teams app ID the
 * deep links to the tab are broken.
 */
function missingProductionSettings(config: Config): string[] {
  const missing: string[] = [];
  const b = config.bot;
  if (!config.publicBaseUrl) missing.push('PUBLIC_BASE_URL is not set (the public https address of this service, used in card links)');
  else if (isHttpUrl(config.publicBaseUrl) && !isHttpUrl(config.publicBaseUrl, ['https:'])) {
    missing.push(`PUBLIC_BASE_URL must be https in production (Teams loads only https), not "${config.publicBaseUrl}"`);
  }
  if (!config.teamsAppId) missing.push('TEAMS_APP_ID is not set (the "id" of the Teams app manifest, used in deep links to the tab)');
  else if (!GUID.test(config.teamsAppId)) missing.push(`TEAMS_APP_ID must be a GUID (the manifest "id"), not "${config.teamsAppId}"`);
  if (b.localMode) {
    missing.push('MicrosoftAppId is not set (without it the bot runs in local mode and answers only loopback requests; set the bot\'s app or managed identity client ID)');
  } else if (!GUID.test(b.appId!)) {
    missing.push(`MicrosoftAppId must be a GUID (the bot's client ID), not "${b.appId}"`);
  }
  if (b.tenantId && !GUID.test(b.tenantId)) missing.push(`MicrosoftAppTenantId must be a GUID (the tenant ID), not "${b.tenantId}"`);
  return missing;
}
