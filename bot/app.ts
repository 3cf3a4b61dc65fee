/**
 * Assembles the application from its parts. Used by the composition root
 * (index.ts) and by the integration tests, which start it on port 0.
 */
import type { Logger } from 'pino';
import type * as restify from 'restify';
import type { Config } from './config';
import type { Reference } from './reference/loadReference';
import { createServer, RouteRegistrar } from './server';
import { registerClientConfigRoute } from './http/clientConfigRoutes';
import { SearchIndex } from './search/searchIndex';
import { registerSearchRoutes } from './http/searchRoutes';
import { createCardLinks } from './cards/links';
import { TeamsBot } from './teams/teamsBot';
import { channelScope } from './assessments/scope';
import { LOCAL_CALLER } from './auth/requestCaller';
import { STRINGS } from './cards/strings';
import { createBotEndpoint } from './teams/botEndpoint';
import type { AssessmentStore } from './assessments/store';
import { openAssessmentStore } from './assessments/openStore';
import { createRequestAuthenticator } from './auth/requestCaller';
import { CachedMembershipOptions, CachedTeamMembership, TeamRoster } from './auth/teamMembership';
import { TeamActivity, TeamDirectory } from './auth/teamDirectory';
import { BotConnectorRoster } from './auth/botConnectorRoster';
import { createBotCredentials } from './auth/botCredentials';
import { ASSESSMENT_IMPORT_MAX_BYTES, ASSESSMENT_IMPORT_PATH, registerAssessmentRoutes } from './http/assessmentRoutes';

export interface AppDeps {
  config: Config;
  reference: Reference;
  logger: Logger;
  tabDir?: string;
  /** Instead of opening the configured store (tests, benchmarks). */
  assessmentStore?: AssessmentStore;
  /** Instead of the Bot Connector roster built from MicrosoftApp* (tests). */
  teamRoster?: TeamRoster;
  membershipCache?: CachedMembershipOptions;
}

export interface App {
  server: restify.Server;
  config: Config;
  searchIndex: SearchIndex;
  assessments: {
    store: AssessmentStore;
    /**
     * Learns a team's Bot Connector service URL (for its roster) from an
     * authenticated bot activity. The bot does this itself (onTeamSeen).
     */
    recordTeamActivity(activity: TeamActivity): Promise<void>;
  };
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
  const { config, reference, logger } = deps;
  const store = deps.assessmentStore ?? await openAssessmentStore(config.assessments, logger);
  try {
    const auth = createRequestAuthenticator(config.auth);
    const directory = new TeamDirectory(store);
    const credentials = createBotCredentials(config.bot);
    const roster = deps.teamRoster ?? (credentials ? new BotConnectorRoster(credentials) : undefined);
    const membership = roster ? new CachedTeamMembership(store, roster, deps.membershipCache) : undefined;
    if (auth.mode === 'local') {
      logger.info('assessments: local mode (no AAD_APP_CLIENT_ID) — loopback requests only, as local-user');
    } else if (!membership) {
      logger.warn('assessments: MicrosoftAppId is not set, so team membership cannot be checked; channel assessments are refused (personal ones work)');
    }

    const searchIndex = new SearchIndex(reference.items, reference.vocabulary);
    const links = createCardLinks({ publicBaseUrl: config.publicBaseUrl, teamsAppId: config.teamsAppId });
    const bot = new TeamsBot({
      reference, index: searchIndex, logger, links, unfurlHosts: unfurlHosts(config),
      // Only activities the CloudAdapter has authenticated reach the bot, so their serviceUrl can be trusted.
      onTeamSeen: (info) => {
        directory.record(info).catch((err) => logger.warn({ err }, 'could not record the team\'s service URL'));
      },
      // In a channel, answer cards show that channel's self-assessment of the item.
      channelStatus: async (where, itemId, locale) => {
        // Local mode keeps every assessment under the one local tenant.
        const tenantId = auth.mode === 'local' ? LOCAL_CALLER.tenantId : where.tenantId;
        if (!tenantId || !where.teamId || !where.channelId) return undefined;
        const state = await store.getItemStatus(tenantId, channelScope(where.teamId, where.channelId), itemId);
        if (!state) return undefined;
        const s = STRINGS[locale];
        return s.channelStatus(s.status[state.status], state.owner || undefined);
      },
    });
    const messagesHandler = createBotEndpoint({ config, logger, bot });
    const routes: RouteRegistrar[] = [
      (s) => registerSearchRoutes(s, searchIndex),
      (s) => registerAssessmentRoutes(s, { reference, store, auth, membership, logger }),
      registerClientConfigRoute(config),
    ];
    const server = createServer({
      reference, logger, routes, messagesHandler, tabDir: deps.tabDir, version: process.env.npm_package_version,
      bodyLimits: [{ path: ASSESSMENT_IMPORT_PATH, maxBytes: ASSESSMENT_IMPORT_MAX_BYTES }],
    });
    return {
      server,
      config,
      searchIndex,
      assessments: {
        store,
        recordTeamActivity: (activity) => directory.recordActivity(activity),
      },
      async close() {
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
