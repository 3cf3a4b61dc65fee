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

export interface AppDeps {
  config: Config;
  reference: Reference;
  logger: Logger;
  tabDir?: string;
}

export interface App {
  server: restify.Server;
  config: Config;
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, reference, logger } = deps;
  const searchIndex = new SearchIndex(reference.items, reference.vocabulary);
  const routes: RouteRegistrar[] = [(s) => registerSearchRoutes(s, searchIndex)];
  const server = createServer({ reference, logger, routes, tabDir: deps.tabDir, version: process.env.npm_package_version });
  return {
    server,
    config,
    async close() {
      /* stores are closed here once they exist */
    },
  };
}
