/**
 * Validates the Teams SSO token the tab sends as a Bearer token
 * (`authentication.getAuthToken()` in teams-js): an Entra ID access token for
 * this app. Checked: RS256 signature against the Entra JWKS, issuer for the
 * token's own tenant (v1 or v2 form), audience (client ID or application ID
 * URI), expiry, a delegated (user) token for this API's own scope
 * (`access_as_user` in `scp`), and the tenant against ALLOWED_TENANT_IDS.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';

export interface SsoSettings {
  audiences: string[];
  allowedTenantIds: string[];
  jwksUrl: string;
  issuerTemplates: string[];
}

/** The person behind a request. */
export interface Caller {
  tenantId: string;
  /** Entra object ID (`oid`); `local-user` in local mode. */
  userId: string;
  name: string;
}

/**
 * The one delegated scope the tab's SSO app exposes (infra/aad.manifest.json)
 * and Teams asks for. A token for this audience with any other scope was not
 * issued for the tab, so it is refused.
 */
export const ACCESS_AS_USER_SCOPE = 'access_as_user';

const MAX_TOKEN_LENGTH = 16 * 1024;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CLOCK_TOLERANCE_SECONDS = 120;

function unauthorized(code: string, message: string): AppError {
  return new AppError(401, code, message);
}

export type TokenVerifier = (token: string) => Promise<Caller>;

export function createSsoTokenVerifier(settings: SsoSettings, options: { keys?: JWTVerifyGetKey } = {}): TokenVerifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: 5000,
    cooldownDuration: 30_000,
    cacheMaxAge: 6 * 60 * 60 * 1000,
  });
  const allowed = new Set(settings.allowedTenantIds.map((t) => t.toLowerCase()));

  return async function verifySsoToken(token: string): Promise<Caller> {
    if (token.length > MAX_TOKEN_LENGTH || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
      throw unauthorized('token_malformed', 'The sign-in token is not a JWT.');
    }
    let tid: unknown;
    try {
      if (decodeProtectedHeader(token).alg !== 'RS256') throw new Error('alg');
      tid = decodeJwt(token).tid;
    } catch {
      throw unauthorized('token_malformed', 'The sign-in token cannot be read.');
    }
    if (typeof tid !== 'string' || !TENANT_ID.test(tid.toLowerCase())) {
      throw unauthorized('token_invalid', 'The sign-in token names no Entra tenant (tid).');
    }
    const tenantId = tid.toLowerCase();
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: settings.audiences,
        // The issuer must be Entra's for the very tenant the token claims.
        issuer: settings.issuerTemplates.map((t) => t.replace('{tenantid}', tid as string)),
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (err) {
      throw describeFailure(err);
    }
    if (typeof payload.scp !== 'string' || payload.scp.trim().length === 0) {
      throw unauthorized('token_invalid', 'The sign-in token is not a user token (no delegated scope).');
    }
    // `scp` is a space-separated list of the delegated scopes the token grants.
    if (!payload.scp.split(' ').includes(ACCESS_AS_USER_SCOPE)) {
      throw unauthorized('token_wrong_scope',
        `The sign-in token does not grant this API's scope "${ACCESS_AS_USER_SCOPE}" (it grants "${printable(payload.scp)}"). Use the token Teams gives the tab (authentication.getAuthToken()).`);
    }
    if (!allowed.has(tenantId)) throw tenantNotAllowed(tenantId);
    const oid = String(payload.oid);
    const name = [payload.name, payload.preferred_username, payload.upn].find((v): v is string => typeof v === 'string' && v.length > 0) ?? oid;
    return { tenantId, userId: oid, name: name.slice(0, 200) };
  };
}

/**
 * A signed-in user of a tenant the deployment does not serve. The usual cause
 * is a deployment whose allowed tenant is the Azure subscription's rather than
 * the Microsoft 365 tenant its users sign in to: the message names both the
 * tenant and the setting.
 */
export function tenantNotAllowed(tenantId: string): AppError {
  return new AppError(403, 'tenant_not_allowed',
    `Tenant ${tenantId} is not allowed to use this service: the server accepts only the tenants in its ALLOWED_TENANT_IDS setting. `
    + `If this is your organisation's Microsoft 365 tenant, the administrator adds ${tenantId} to ALLOWED_TENANT_IDS (see docs/deployment.md).`,
    { tenantId });
}

/** Claim text for a message: visible ASCII only, and short. */
function printable(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 100 ? `${clean.slice(0, 100)}…` : clean;
}

function describeFailure(err: unknown): AppError {
  if (err instanceof errors.JWTExpired) return unauthorized('token_expired', 'The sign-in token has expired. Reload the tab to sign in again.');
  if (err instanceof errors.JWTClaimValidationFailed) {
    const what = err.claim === 'aud' ? 'is for another application (audience)'
      : err.claim === 'iss' ? 'was not issued by Microsoft Entra ID for its tenant (issuer)'
        : err.claim === 'nbf' ? 'is not valid yet'
          : `has an invalid ${err.claim} claim`;
    return unauthorized('token_invalid', `The sign-in token ${what}.`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
    return unauthorized('token_invalid', 'The sign-in token\'s signature is not valid.');
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || (err instanceof Error && /fetch|ECONN|network/i.test(err.message))) {
    return new AppError(503, 'auth_unavailable', 'Sign-in keys could not be fetched from Microsoft Entra ID. Please try again shortly.');
  }
  return unauthorized('token_invalid', 'The sign-in token is not valid.');
}
