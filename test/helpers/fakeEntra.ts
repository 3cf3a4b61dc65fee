/**
 * Stands in for Microsoft Entra ID in tests: RSA keys generated here, their
 * public half served as a JWKS on a loopback HTTP server (AUTH_JWKS_URL),
 * and a signer for Teams-SSO-like access tokens.
 */
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, CryptoKey, JWTPayload } from 'jose';

export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const TENANT_OTHER = 'cccccccc-0000-4000-8000-00000000000c';

export interface FakeEntra {
  jwksUrl: string;
  /** How often the JWKS was fetched. */
  fetches: number;
  /** A token as Teams SSO would issue it; `overrides` replace claims (undefined removes one). */
  token(claims: { tid: string; oid: string; name?: string } & Record<string, unknown>, options?: TokenOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface TokenOptions {
  /** Sign with a key the JWKS does not contain, under the published key's kid. */
  forged?: boolean;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuerVersion?: 'v1' | 'v2';
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const real = await generateKeyPair('RS256', { extractable: true });
  const impostor = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(real.publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  const state = { fetches: 0 };
  const server = http.createServer((req, res) => {
    if (req.url === '/discovery/v2.0/keys') {
      state.fetches += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(jwks);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    get fetches() { return state.fetches; },
    async token(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const v1 = options.issuerVersion === 'v1';
      const payload: JWTPayload & Record<string, unknown> = {
        aud: v1 ? `api://tab.example.jp/${CLIENT_ID}` : CLIENT_ID,
        iss: v1 ? `https://sts.windows.net/${claims.tid}/` : `https://login.microsoftonline.com/${claims.tid}/v2.0`,
        iat: now - 60,
        nbf: now - 60,
        exp: now + (options.expiresIn ?? 3600),
        scp: 'access_as_user',
        ver: v1 ? '1.0' : '2.0',
        preferred_username: `${claims.oid}@example.jp`,
        ...claims,
      };
      for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
      const key: CryptoKey = options.forged ? impostor.privateKey : real.privateKey;
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
