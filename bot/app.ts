/**
 * Assembles the application from its parts. Used by the composition root
 * (index.ts) and by the integration tests, which start it on port 0.
 */
import type { Logger } from 'pino';
import type * as restify from 'restify';
import type { Config } from './config';
import type { Library } from './reference/library';
import { createServer, RouteRegistrar } from './server';
import { registerClientConfigRoute } from './http/clientConfigRoutes';
import { registerSearchRoutes } from './http/searchRoutes';
import { ASSESSMENT_IMPORT_MAX_BYTES, ASSESSMENT_IMPORT_PATH, registerAssessmentRoutes } from './http/assessmentRoutes';
import { createCardLinks } from './cards/links';
import { EditionServices } from './conversation/editionServices';
import { TeamsBot } from './teams/teamsBot';
import { createBotEndpoint } from './teams/botEndpoint';
import { BotConnectorRoster } from './teams/botConnectorRoster';
import { createBotCredentials } from './teams/botCredentials';
import { channelScope } from '../contract/scope';
import type { AssessmentStore } from './assessments/store';
import { openAssessmentStore } from './assessments/openStore';
import { createAccessPolicy } from './assessments/access';
import { createRequestAuthenticator, LOCAL_CALLER } from './auth/requestCaller';
import { CachedMembershipOptions, CachedTeamMembership, TeamRoster } from './auth/teamMembership';
import { TeamDirectory } from './auth/teamDirectory';

export interface AppDeps {
  config: Config;
  library: Library;
  logger: Logger;
  tabDir?: string;
  /** Instead of building them from the library (tests share one across servers). */
  services?: EditionServices;
  /** Instead of opening the configured store (tests, benchmarks). */
  assessmentStore?: AssessmentStore;
  /** Instead of the Bot Connector roster built from MicrosoftApp* (tests). */
  teamRoster?: TeamRoster;
  membershipCache?: CachedMembershipOptions;
}

export interface App {
  server: restify.Server;
  config: Config;
  library: Library;
  store: AssessmentStore;
  close(): Promise<void>;
}

/** Hosts whose item links unfurl into cards: the public host of the tab. */
function unfurlHosts(config: Config): string[] {
  if (!config.publicBaseUrl) return [];
  try {
    return [new URL(config.publicBaseUrl).host];
  } catch {
    return [];
  }
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, library, logger } = deps;
  const store = deps.assessmentStore ?? await openAssessmentStore(config.assessments, logger);
  try {
    const auth = createRequestAuthenticator(config.auth, { logger });
    const directory = new TeamDirectory(store);
    const credentials = createBotCredentials(config.bot);
    const roster = deps.teamRoster ?? (credentials ? new BotConnectorRoster(credentials) : undefined);
    const membership = roster ? new CachedTeamMembership(store, roster, deps.membershipCache) : undefined;
    if (config.auth.mode === 'local') {
      logger.info('assessments: local mode (no AAD_APP_CLIENT_ID) — loopback requests only, as local-user');
    } else {
      // The one line that tells an administrator whose users will be let in.
      const tenants = config.auth.allowedTenantIds;
      logger.info({ allowedTenantIds: tenants }, `allowed tenants (ALLOWED_TENANT_IDS): ${tenants.join(', ')} — the assessments API and the bot refuse every other tenant`);
    }
    if (config.bot.appType === 'UserAssignedMSI') {
      logger.warn('bot: registered as a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI), which Microsoft now calls legacy; new registrations are single-tenant with a federated credential (docs/deployment.md)');
    }
    if (auth.mode === 'sso' && !membership) {
      logger.warn('assessments: MicrosoftAppId is not set, so team membership cannot be checked; channel assessments are refused (personal ones work)');
    }

    const services = deps.services ?? new EditionServices(library);
    const links = createCardLinks({ publicBaseUrl: config.publicBaseUrl, teamsAppId: config.teamsAppId, teamsCatalogAppId: config.teamsCatalogAppId });
    if (config.teamsCatalogAppId) {
      logger.info({ teamsCatalogAppId: config.teamsCatalogAppId }, 'deep links to the tab name the catalogue app ID (TEAMS_CATALOG_APP_ID)');
    } else if (config.teamsAppId) {
      logger.info({ teamsAppId: config.teamsAppId }, 'deep links to the tab name the manifest ID (TEAMS_APP_ID), right for an uploaded app: once the app is published to the organisation\'s catalogue, set TEAMS_CATALOG_APP_ID');
    }
    const bot = new TeamsBot({
      library, services, logger, links, unfurlHosts: unfurlHosts(config),
      // Only activities the CloudAdapter has authenticated reach the bot, so their serviceUrl can be trusted.
      onTeamSeen: (info) => {
        directory.record(info).catch((err) => logger.warn({ err }, 'could not record the team\'s service URL'));
      },
      // In a channel, answer cards show that channel's self-assessment of the item.
      channelState: async (where, edition, item) => {
        // Local mode keeps every assessment under the one local tenant.
        const tenantId = auth.mode === 'local' ? LOCAL_CALLER.tenantId : where.tenantId;
        if (!tenantId) return undefined;
        const state = await store.getItemStatus({ tenantId, scope: channelScope(where.teamId, where.channelId), edition: edition.id }, item.id);
        return state && { status: state.status, owner: state.owner };
      },
    });
    const messagesHandler = createBotEndpoint({ config, logger, bot });
    const routes: RouteRegistrar[] = [
      (s) => registerSearchRoutes(s, library, services, logger),
      (s) => registerAssessmentRoutes(s, { library, store, auth, access: createAccessPolicy({ mode: auth.mode, membership, logger }), logger }),
      registerClientConfigRoute(config),
    ];
    const server = createServer({
      library, logger, routes, messagesHandler, tabDir: deps.tabDir, version: process.env.npm_package_version,
      bodyLimits: [{ path: ASSESSMENT_IMPORT_PATH, maxBytes: ASSESSMENT_IMPORT_MAX_BYTES }],
    });
    return {
      server,
      config,
      library,
      store,
      async close() {
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
