/**
 * Assembles the application from its parts. Used by the composition root
 * (index.ts) and by the integration tests, which start it on port 0.
 */
import type { Logger } from 'pino';
import type * as restify from 'restify';
import type { Config } from './config';
import type { Reference } from './reference/loadReference';
import { createServer, RouteRegistrar } from './server';
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
  assessments: {
    store: AssessmentStore;
    /**
     * The bot calls this for every authenticated activity so the assessment
     * API learns each team's Bot Connector service URL (for its roster).
     */
    recordTeamActivity(activity: TeamActivity): Promise<void>;
  };
  close(): Promise<void>;
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

    const routes: RouteRegistrar[] = [
      (server) => registerAssessmentRoutes(server, { reference, store, auth, membership, logger }),
    ];
    const server = createServer({
      reference, logger, routes, tabDir: deps.tabDir, version: process.env.npm_package_version,
      bodyLimits: [{ path: ASSESSMENT_IMPORT_PATH, maxBytes: ASSESSMENT_IMPORT_MAX_BYTES }],
    });
    return {
      server,
      config,
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
