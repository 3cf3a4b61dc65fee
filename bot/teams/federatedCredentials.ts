/**
 * The bot's credentials as a single-tenant app registration with a federated
 * credential: the app proves itself to Microsoft Entra ID with a token of the
 * user-assigned managed identity it trusts, so there is no secret to store.
 * botframework-connector's FederatedAppCredentials does the exchange, but
 * fetches the managed identity's token once per instance and keeps it as a
 * fixed client assertion; that token expires, while the connector clients
 * (reused across turns, see reusingAuthentication.ts) and the roster's
 * credentials live as long as the process. So each instance here hands over
 * to a fresh FederatedAppCredentials well before then. botbuilder stays in
 * bot/teams/.
 */
import { FederatedAppCredentials, ServiceClientCredentialsFactory } from 'botframework-connector';

/** How long one FederatedAppCredentials (and the managed identity token inside it) is used. */
export const FEDERATED_CREDENTIALS_MAX_AGE_MS = 30 * 60_000;

export interface FederatedSettings {
  /** The bot's app registration (MicrosoftAppId). */
  appId: string;
  /** The user-assigned managed identity its federated credential trusts (BOT_MANAGED_IDENTITY_CLIENT_ID). */
  managedIdentityClientId: string;
  /** The app registration's tenant (MicrosoftAppTenantId). */
  tenantId: string;
}

type TokenSource = Pick<FederatedAppCredentials, 'getToken'>;

export interface RenewalOptions {
  maxAgeMs?: number;
  now?: () => number;
  /** Builds the credentials that actually fetch tokens (tests replace it). */
  create?: (settings: FederatedSettings, oAuthScope?: string) => TokenSource;
}

export class RenewingFederatedAppCredentials extends FederatedAppCredentials {
  private current?: TokenSource;
  private createdAt = 0;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly create: NonNullable<RenewalOptions['create']>;

  constructor(private readonly settings: FederatedSettings, private readonly scope?: string, options: RenewalOptions = {}) {
    super(settings.appId, settings.managedIdentityClientId, settings.tenantId, scope);
    this.maxAgeMs = options.maxAgeMs ?? FEDERATED_CREDENTIALS_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.create = options.create ?? ((s, oAuthScope) => new FederatedAppCredentials(s.appId, s.managedIdentityClientId, s.tenantId, oAuthScope));
  }

  async getToken(forceRefresh = false): Promise<string> {
    if (!this.current || this.now() - this.createdAt >= this.maxAgeMs) {
      this.current = this.create(this.settings, this.scope);
      this.createdAt = this.now();
    }
    return this.current.getToken(forceRefresh);
  }
}

/** What the CloudAdapter asks for credentials: RenewingFederatedAppCredentials for this bot's app ID. */
export class RenewingFederatedCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly settings: FederatedSettings, private readonly options: RenewalOptions = {}) {
    super();
  }

  async isValidAppId(appId = ''): Promise<boolean> {
    return appId === this.settings.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience?: string): Promise<RenewingFederatedAppCredentials> {
    if (appId !== this.settings.appId) throw new Error('Federated credentials were asked for another app ID than MicrosoftAppId.');
    return new RenewingFederatedAppCredentials(this.settings, audience, this.options);
  }
}
