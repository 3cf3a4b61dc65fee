/**
 * Environment variables → one typed configuration object, read once by the
 * composition root. Every variable is documented in the README's table.
 */
import * as path from 'node:path';
import { z } from 'zod';
import { isLoopbackHost } from './loopback';

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
  /** The app's ID in the organisation's app catalogue: deep links name it instead of TEAMS_APP_ID once the app is published there. */
  TEAMS_CATALOG_APP_ID: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  /** Checked in botSettings(), which names what to set instead of a bare enum error. */
  MicrosoftAppType: optionalString,
  MicrosoftAppTenantId: optionalString,
  /** Client ID of the user-assigned managed identity the bot's single-tenant app registration trusts (federated credential). */
  BOT_MANAGED_IDENTITY_CLIENT_ID: optionalString,
  /** Where the Bot Framework describes the keys that sign Teams' requests (default: Microsoft's); tests point it at a local stand-in. */
  BOT_OPENID_METADATA_URL: optionalString,
  /** The tab's Entra app (client) ID for Teams SSO. Unset = assessment API in local mode. */
  AAD_APP_CLIENT_ID: optionalString,
  /** Application ID URI of that app (api://<domain>/<clientId>); derived from PUBLIC_BASE_URL when unset. */
  AAD_APP_ID_URI: optionalString,
  /** Comma-separated tenant IDs whose users may use the assessment API. */
  ALLOWED_TENANT_IDS: optionalString,
  AUTH_JWKS_URL: optionalString,
  /** Comma-separated issuer templates; {tenantid} is replaced by the token's tid. */
  AUTH_ISSUER_TEMPLATE: optionalString,
  /** PostgreSQL connection string; when set the assessments live there instead of SQLite. */
  DATABASE_URL: optionalString,
  ASSESSMENT_DB_PATH: optionalString,
});

export const DEFAULT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** Entra issues v2 tokens with the first issuer and v1 tokens with the second. */
export const DEFAULT_ISSUER_TEMPLATES = ['https://login.microsoftonline.com/{tenantid}/v2.0', 'https://sts.windows.net/{tenantid}/'];
export const DEFAULT_ASSESSMENT_DB_PATH = './.data/assessments.sqlite';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bot registrations start-up accepts. */
export const BOT_APP_TYPES = ['SingleTenant', 'UserAssignedMSI'] as const;
export type BotAppType = typeof BOT_APP_TYPES[number];

/** How callers of the assessment API are identified. */
export type AuthConfig =
  | { mode: 'local' }
  | {
    mode: 'sso';
    clientId: string;
    /** Accepted `aud` values: the client ID and the application ID URI. */
    audiences: string[];
    allowedTenantIds: string[];
    jwksUrl: string;
    issuerTemplates: string[];
  };

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  production: boolean;
  dataDir?: string;
  publicBaseUrl?: string;
  teamsAppId?: string;
  /** Set once the app is published to the organisation's catalogue: deep links use it. */
  teamsCatalogAppId?: string;
  bot: {
    /** No MicrosoftAppId: no Bot Framework auth, replies only to loopback service URLs. */
    localMode: boolean;
    appId?: string;
    appPassword?: string;
    /**
     * SingleTenant: the registration Microsoft recommends for new bots, with a
     * federated credential (managedIdentityClientId) or a client secret.
     * UserAssignedMSI: a legacy managed-identity registration, still accepted.
     * (MultiTenant can no longer be registered and is refused.)
     */
    appType?: BotAppType;
    tenantId?: string;
    /** SingleTenant with a federated credential: the managed identity whose token the app registration trusts. */
    managedIdentityClientId?: string;
    /** BOT_OPENID_METADATA_URL; undefined: Microsoft's own. */
    openIdMetadataUrl?: string;
  };
  auth: AuthConfig;
  assessments: {
    /** Set: PostgreSQL. Unset: the SQLite file below. */
    databaseUrl?: string;
    sqlitePath: string;
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
  const complaints: string[] = [];
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : undefined,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    teamsAppId: e.TEAMS_APP_ID,
    teamsCatalogAppId: e.TEAMS_CATALOG_APP_ID,
    bot: {
      localMode: !e.MicrosoftAppId,
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: BOT_APP_TYPES.find((t) => t === e.MicrosoftAppType),
      tenantId: e.MicrosoftAppTenantId,
      managedIdentityClientId: e.BOT_MANAGED_IDENTITY_CLIENT_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    auth: authConfig(e, complaints),
    assessments: {
      databaseUrl: databaseUrl(e.DATABASE_URL, complaints),
      sqlitePath: path.resolve(e.ASSESSMENT_DB_PATH ?? DEFAULT_ASSESSMENT_DB_PATH),
    },
  };
  complaints.push(...botSettingsProblems(config.bot, e.MicrosoftAppType));
  const unfit = config.production ? missingProductionSettings(config) : [];
  if (unfit.length) complaints.push(`Incomplete production configuration (NODE_ENV=production): ${unfit.join('; ')}.`);
  const meta = config.bot.openIdMetadataUrl;
  if (meta && !(/^https:\/\//.test(meta) || (meta.startsWith('http://') && isLoopbackHost(safeHost(meta))))) {
    complaints.push(`BOT_OPENID_METADATA_URL must be https (http only for a loopback test server), not "${meta}".`);
  }
  if (config.teamsCatalogAppId && !GUID.test(config.teamsCatalogAppId)) {
    complaints.push(`TEAMS_CATALOG_APP_ID must be the app's ID in your organisation's app catalogue (a GUID), not "${config.teamsCatalogAppId.slice(0, 60)}".`);
  }
  if (config.publicBaseUrl && !isHttpUrl(config.publicBaseUrl)) {
    complaints.push(`PUBLIC_BASE_URL must be an http(s) URL such as https://medsec.example.jp, not "${config.publicBaseUrl}".`);
  }
  if (complaints.length) throw new ConfigError(complaints.join('\n'));
  return config;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

/** Teams SSO settings, all or nothing: a half configuration stops start-up (complaints). */
function authConfig(e: z.infer<typeof Env>, complaints: string[]): AuthConfig {
  const clientId = e.AAD_APP_CLIENT_ID;
  if (!clientId) {
    const stray = (['AAD_APP_ID_URI', 'ALLOWED_TENANT_IDS', 'AUTH_JWKS_URL', 'AUTH_ISSUER_TEMPLATE'] as const).filter((k) => e[k]);
    if (stray.length) complaints.push(`Incomplete sign-in configuration: ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set, but AAD_APP_CLIENT_ID is not. Set AAD_APP_CLIENT_ID to the tab's app (client) ID, or unset ${stray.join(', ')} for local mode.`);
    return { mode: 'local' };
  }
  const problems: string[] = [];
  if (!GUID.test(clientId)) problems.push(`AAD_APP_CLIENT_ID must be an app (client) ID like 00000000-0000-0000-0000-000000000000, not "${clientId}"`);
  const tenants = list(e.ALLOWED_TENANT_IDS).map((t) => t.toLowerCase());
  if (tenants.length === 0) problems.push('ALLOWED_TENANT_IDS is not set (required with AAD_APP_CLIENT_ID: the Entra tenant IDs, comma-separated, whose users may sign in)');
  for (const t of tenants) if (!GUID.test(t)) problems.push(`ALLOWED_TENANT_IDS: "${t}" is not a tenant ID (a GUID)`);

  let idUri = e.AAD_APP_ID_URI;
  if (!idUri && e.PUBLIC_BASE_URL) {
    try {
      idUri = `api://${new URL(e.PUBLIC_BASE_URL).host}/${clientId}`;
    } catch {
      problems.push('PUBLIC_BASE_URL is not a URL (needed to derive AAD_APP_ID_URI)');
    }
  }
  const jwksUrl = e.AUTH_JWKS_URL ?? DEFAULT_JWKS_URL;
  try {
    const u = new URL(jwksUrl);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.hostname))) problems.push('AUTH_JWKS_URL must be https (http only for a loopback test server)');
  } catch {
    problems.push(`AUTH_JWKS_URL is not a URL: "${jwksUrl}"`);
  }
  const issuerTemplates = e.AUTH_ISSUER_TEMPLATE ? list(e.AUTH_ISSUER_TEMPLATE) : DEFAULT_ISSUER_TEMPLATES;
  for (const t of issuerTemplates) if (!t.includes('{tenantid}')) problems.push(`AUTH_ISSUER_TEMPLATE: "${t}" has no {tenantid} placeholder`);
  if (problems.length) complaints.push(`Invalid sign-in configuration: ${problems.join('; ')}.`);
  return {
    mode: 'sso',
    clientId,
    audiences: [clientId, ...(idUri ? [idUri] : [])],
    allowedTenantIds: tenants,
    jwksUrl,
    issuerTemplates,
  };
}

function databaseUrl(value: string | undefined, complaints: string[]): string | undefined {
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) complaints.push('DATABASE_URL must be a PostgreSQL connection string (postgresql://user:password@host:5432/database).');
  return value;
}

/**
 * The bot's registration must be one that can be registered today and be
 * complete: otherwise start-up stops, naming the setting. Without
 * MicrosoftAppId (local mode) none of this applies.
 */
function botSettingsProblems(b: Config['bot'], rawType: string | undefined): string[] {
  if (b.localMode) return [];
  const recommended = 'MicrosoftAppType=SingleTenant with MicrosoftAppTenantId and a federated credential (BOT_MANAGED_IDENTITY_CLIENT_ID) or a client secret (MicrosoftAppPassword); see docs/deployment.md';
  if (rawType === undefined) {
    return [`Incomplete bot configuration: MicrosoftAppId is set, but MicrosoftAppType is not set (required with MicrosoftAppId; no default is assumed). Register the bot as single-tenant: ${recommended}. An existing managed-identity registration (legacy) takes MicrosoftAppType=UserAssignedMSI.`];
  }
  if (rawType.toLowerCase() === 'multitenant') {
    return [`Unsupported bot registration: MicrosoftAppType=MultiTenant can no longer be registered. Register the bot as single-tenant and set ${recommended}.`];
  }
  if (!b.appType) {
    return [`Invalid bot configuration: MicrosoftAppType must be SingleTenant (or UserAssignedMSI for an existing managed-identity registration), not "${rawType.slice(0, 40)}".`];
  }
  const missing: string[] = [];
  const type = b.appType;
  if (!b.tenantId) missing.push(`MicrosoftAppTenantId is not set (required for MicrosoftAppType=${type})`);
  if (type === 'SingleTenant') {
    if (!b.appPassword && !b.managedIdentityClientId) {
      missing.push('it has no credential: set BOT_MANAGED_IDENTITY_CLIENT_ID (the managed identity its federated credential trusts) or MicrosoftAppPassword (a client secret)');
    }
    if (b.appPassword && b.managedIdentityClientId) {
      missing.push('both BOT_MANAGED_IDENTITY_CLIENT_ID and MicrosoftAppPassword are set: keep one credential (the federated credential needs no secret, so remove MicrosoftAppPassword)');
    }
  } else {
    // botbuilder refuses a managed identity with a password, with a bare assertion at start-up.
    if (b.appPassword) missing.push('MicrosoftAppPassword is set, which a managed identity (MicrosoftAppType=UserAssignedMSI) must not have: remove it');
    if (b.managedIdentityClientId) missing.push('BOT_MANAGED_IDENTITY_CLIENT_ID is set, which belongs to MicrosoftAppType=SingleTenant (with UserAssignedMSI, MicrosoftAppId is the managed identity itself): remove it');
  }
  if (b.managedIdentityClientId && !GUID.test(b.managedIdentityClientId)) {
    missing.push(`BOT_MANAGED_IDENTITY_CLIENT_ID must be the managed identity's client ID (a GUID), not "${b.managedIdentityClientId.slice(0, 40)}"`);
  }
  return missing.length ? [`Incomplete bot configuration: MicrosoftAppId is set, but ${missing.join('; ')}.`] : [];
}

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

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
