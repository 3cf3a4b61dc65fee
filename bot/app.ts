/**
 * Assembles the application from its parts. Used by the composition root
 * (index.ts) and by the integration tests, which start it on port 0.
 */
import type { Logger } from 'pino';
import type * as restify from 'restify';
import type { Config } from './config';
import type { Reference } from './reference/loadReference';
import { createServer, RouteRegistrar } from './server';
import { SearchIndex } from './search/searchIndex';
import { registerSearchRoutes } from './http/searchRoutes';
import { createCardLinks } from './cards/links';
import { TeamsBot } from './teams/teamsBot';
import { createBotEndpoint } from './teams/botEndpoint';

export interface AppDeps {
  config: Config;
  reference: Reference;
  logger: Logger;
  tabDir?: string;
}

export interface App {
  server: restify.Server;
  config: Config;
  searchIndex: SearchIndex;
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
  const searchIndex = new SearchIndex(reference.items, reference.vocabulary);
  const links = createCardLinks({ publicBaseUrl: config.publicBaseUrl, teamsAppId: config.teamsAppId });
  const bot = new TeamsBot({ reference, index: searchIndex, logger, links, unfurlHosts: unfurlHosts(config) });
  const messagesHandler = createBotEndpoint({ config, logger, bot });
  const routes: RouteRegistrar[] = [(s) => registerSearchRoutes(s, searchIndex)];
  const server = createServer({ reference, logger, routes, messagesHandler, tabDir: deps.tabDir, version: process.env.npm_package_version });
  return {
    server,
    config,
    searchIndex,
    async close() {
      /* stores are closed here once they exist */
    },
  };
}
