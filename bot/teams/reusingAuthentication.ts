/**
 * Bot Framework authentication that reuses outbound clients across turns.
 *
 * CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on
 * every incoming activity; each builds an HTTP pipeline, which costs more
 * than answering most questions. The clients keep no per-turn state (the
 * credentials cache their own tokens), so one per (app, caller, audience,
 * service URL) is enough — the older BotFrameworkAdapter kept the same kind
 * of cache. Authentication of incoming requests is unchanged: every call
 * still goes to the wrapped implementation.
 */
import type { Activity } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import {
  AuthenticateRequestResult, BotFrameworkAuthentication, ClaimsIdentity, ConnectorClient, ConnectorFactory, JwtTokenValidation, UserTokenClient,
} from 'botframework-connector';

/** Service URLs are few (one per Teams region); the bound only stops unbounded growth. */
const MAX_CLIENTS = 64;

/** An LRU cache of client promises; the bound only stops unbounded growth. */
class BoundedCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  constructor(limit: number) {
    this.entries = new LRUCache<string, V>({ max: limit });
  }
  getOrCreate(key: string, create: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = create();
      this.entries.set(key, value);
    }
    return value;
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  get size(): number {
    return this.entries.size;
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly keyPrefix: string, private readonly cache: BoundedCache<Promise<ConnectorClient>>) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.keyPrefix}\u0000${serviceUrl}\u0000${audience ?? ''}`;
    const client = this.cache.getOrCreate(key, () => this.inner.create(serviceUrl, audience));
    // A failure (e.g. no token could be had) is not remembered: the next turn tries again.
    client.catch(() => this.cache.delete(key));
    return client;
  }
}

export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** How many connector clients are kept (for tests). */
  get connectorClientCount(): number {
    return this.connectors.size;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), keyOf(claimsIdentity, undefined), this.connectors);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = keyOf(claimsIdentity, undefined);
    const client = this.userTokenClients.getOrCreate(key, () => this.inner.createUserTokenClient(claimsIdentity));
    client.catch(() => this.userTokenClients.delete(key));
    return client;
  }

  getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  private reuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    const prefix = keyOf(result.claimsIdentity, result.callerId);
    return { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, prefix, this.connectors) };
  }
}

/** Who the outbound clients act for and towards whom: the bot's app ID (from the token) and the caller. */
function keyOf(identity: ClaimsIdentity | undefined, callerId: string | undefined): string {
  const appId = identity ? JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '' : '';
  return `${appId}\u0000${callerId ?? ''}\u0000${identity?.isAuthenticated ? 1 : 0}`;
}
