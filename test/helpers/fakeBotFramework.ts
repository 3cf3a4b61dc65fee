/**
 * Stands in for the Bot Framework's token service in tests: its OpenID
 * metadata and signing keys on a loopback HTTP server (the bot reads them
 * through BOT_OPENID_METADATA_URL), and a signer for channel tokens like the
 * ones Teams sends with each activity.
 */
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export interface FakeBotFramework {
  metadataUrl: string;
  /** A channel token for `appId`; `forged` signs with a key the service does not publish, under its kid. */
  token(appId: string, serviceUrl: string, options?: { forged?: boolean; kid?: string; expiresIn?: number }): Promise<string>;
  stop(): Promise<void>;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const real = await generateKeyPair('RS256', { extractable: true });
  const impostor = await generateKeyPair('RS256');
  const kid = 'bf-test-key';
  let base = '';
  const server = http.createServer(async (req, res) => {
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...(await exportJWK(real.publicKey)), kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    async token(appId, serviceUrl, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload & Record<string, unknown> = { serviceurl: serviceUrl };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? kid, typ: 'JWT' })
        .setIssuer('https://api.botframework.com')
        .setAudience(appId)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 600))
        .sign(options.forged ? impostor.privateKey : real.privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
