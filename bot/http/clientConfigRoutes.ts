/**
 * What the tab needs to know about its deployment and cannot read from the
 * page itself: the Teams app ID (to build deep links to an item) and the
 * public address (links shared from inside the Teams iframe must point at
 * the service, not at whatever origin Teams framed it under).
 */
import type { Server, Request, Response, Next } from 'restify';
import type { ClientConfig } from '../../contract/api';
import type { Config } from '../config';

export function clientConfigFrom(config: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>): ClientConfig {
  return { teamsAppId: config.teamsAppId ?? null, publicBaseUrl: config.publicBaseUrl ?? null };
}

export function registerClientConfigRoute(config: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>) {
  const body = clientConfigFrom(config);
  return (server: Server): void => {
    server.get('/api/client-config', (_req: Request, res: Response, next: Next) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.json(body);
      return next();
    });
  };
}
