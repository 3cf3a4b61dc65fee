/**
 * Who is calling the assessment API. With an app registration
 * (AAD_APP_CLIENT_ID): the Teams SSO Bearer token. Without one (local mode):
 * one local user, and only for requests from this machine.
 */
import type { Request } from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { AuthConfig } from '../config';
import { AppError } from '../errors';
import { isLoopbackAddress } from '../loopback';
import { Caller, createSsoTokenVerifier } from './ssoToken';

export const LOCAL_CALLER: Readonly<Caller> = Object.freeze({ tenantId: 'local', userId: 'local-user', name: 'local-user' });

export interface RequestAuthenticator {
  mode: 'local' | 'sso';
  authenticate(req: Request): Promise<Caller>;
}

export function createRequestAuthenticator(auth: AuthConfig, options: { keys?: JWTVerifyGetKey; logger?: Logger } = {}): RequestAuthenticator {
  if (auth.mode === 'local') {
    return {
      mode: 'local',
      async authenticate(req) {
        // The socket's peer, not headers: X-Forwarded-For is whatever the client writes.
        if (!isLoopbackAddress(req.socket?.remoteAddress)) {
          throw new AppError(403, 'local_mode_loopback_only',
            'This server has no app registration (local mode): the assessment API answers only requests from this computer. Set AAD_APP_CLIENT_ID to use it from Teams.');
        }
        return { ...LOCAL_CALLER };
      },
    };
  }
  const verify = createSsoTokenVerifier(auth, options);
  return {
    mode: 'sso',
    async authenticate(req) {
      const header = req.headers.authorization;
      if (!header) throw new AppError(401, 'token_missing', 'Sign-in is required: send the Teams SSO token as "Authorization: Bearer <token>".');
      const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
      if (!m) throw new AppError(401, 'token_malformed', 'The Authorization header must be "Bearer <token>".');
      try {
        return await verify(m[1]);
      } catch (err) {
        // A whole organisation locked out is a configuration problem: say so in the log too.
        if (err instanceof AppError && err.code === 'tenant_not_allowed') {
          options.logger?.warn({ tenantId: (err.details as { tenantId?: string } | undefined)?.tenantId, allowedTenantIds: auth.allowedTenantIds },
            'assessments: refused a signed-in user of a tenant that is not in ALLOWED_TENANT_IDS');
        }
        throw err;
      }
    },
  };
}
