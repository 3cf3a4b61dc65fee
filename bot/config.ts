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
  const missing = missingBotSettings(config);
  if (missing.length) throw new ConfigError(`Incomplete bot configuration: MicrosoftAppId is set, but ${missing.join('; ')}.`);
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
  return missing;
}
