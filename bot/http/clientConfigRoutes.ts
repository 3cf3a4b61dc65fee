/**
 * What the tab needs to know about its deployment and cannot read from the
 * page itself: the Teams app IDs (to build deep links to an item: the
 * catalogue app ID once the app is published, else the manifest ID) and the
 * public address (links shared from inside the Teams iframe must point at
 * the service, not at whatever origin Teams framed it under).
 */
import type { Server, Request, Response, Next } from 'restify';
import type { ClientConfig } from '../../contract/api';
import type { Config } from '../config';

type ClientSettings = Pick<Config, 'teamsAppId' | 'teamsCatalogAppId' | 'publicBaseUrl'>;

export function clientConfigFrom(config: ClientSettings): ClientConfig {
  return { teamsAppId: config.teamsAppId ?? null, teamsCatalogAppId: config.teamsCatalogAppId ?? null, publicBaseUrl: config.publicBaseUrl ?? null };
}

export function registerClientConfigRoute(config: ClientSettings) {
  const body = clientConfigFrom(config);
  return (server: Server): void => {
    server.get('/api/client-config', (_req: Request, res: Response, next: Next) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.json(body);
      return next();
    });
  };
}
