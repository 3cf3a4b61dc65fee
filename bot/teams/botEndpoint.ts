/**
 * The Bot Framework edge: POST /api/messages → CloudAdapter → TeamsBot.
 * Everything botbuilder-specific about HTTP lives here, so a later move to
 * the Teams SDK / Microsoft 365 Agents SDK replaces this file and teamsBot.ts.
 */
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, Activity } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import { localeFromTag } from '../../contract/locale';
import type { Config } from '../config';
import { sendError } from '../http/errors';
import { isLoopbackUrl } from '../loopback';
import { createNoticeCard } from '../cards/noticeCard';
import { jsonParts } from '../json/frozenJson';
import { STRINGS } from '../i18n/strings';
import { checkActivityTenant, tenantRefusalMessage, type TenantVerdict } from '../auth/tenantPolicy';
import type { TeamsBot } from './teamsBot';
import { ReusingBotFrameworkAuthentication } from './reusingAuthentication';
import { RenewingFederatedCredentialsFactory } from './federatedCredentials';

/** The parts of an activity we rely on; the rest passes through untouched. */
const IncomingActivity = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  serviceUrl: z.string().url().max(2048),
  channelId: z.string().min(1).max(64),
  conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  from: z.object({ id: z.string().max(1024) }).passthrough().optional(),
  recipient: z.object({ id: z.string().max(1024) }).passthrough().optional(),
  text: z.string().optional(),
  name: z.string().max(256).optional(),
  locale: z.string().max(20).optional(),
}).passthrough();

/**
 * The public cloud's settings with another place for the channel's signing
 * keys (tests). Overriding only BotOpenIdMetadata makes botbuilder switch to
 * its "parameterized" cloud with every other value unset, in which no channel
 * token's issuer is accepted and no login URL is known.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    BotOpenIdMetadata: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** CloudAdapter.process() writes raw error messages to the response; we shape responses ourselves. */
class BotAdapter extends CloudAdapter {
  processOne(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createBotEndpoint(options: { config: Config; logger: Logger; bot: TeamsBot }) {
  const { config, logger, bot } = options;
  const b = config.bot;
  // A single-tenant registration with a federated credential: botbuilder's
  // configuration knows only secrets and certificates, so its credentials come from here.
  const federated = !b.localMode && b.appType === 'SingleTenant' && b.managedIdentityClientId && b.appId && b.tenantId
    ? new RenewingFederatedCredentialsFactory({ appId: b.appId, managedIdentityClientId: b.managedIdentityClientId, tenantId: b.tenantId })
    : undefined;
  const auth = new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(
    b.localMode
      ? {}
      : {
        // loadConfig() has refused an unset or no longer registrable MicrosoftAppType.
        MicrosoftAppId: b.appId, MicrosoftAppPassword: b.appPassword, MicrosoftAppType: b.appType, MicrosoftAppTenantId: b.tenantId,
        ...(b.openIdMetadataUrl ? publicCloudWithKeysFrom(b.openIdMetadataUrl) : {}),
      },
    federated,
  ));
  const adapter = new BotAdapter(auth);
  // With sign-in configured, the bot serves the same tenants as the assessment API.
  const allowedTenants = config.auth.mode === 'sso' ? new Set(config.auth.allowedTenantIds) : undefined;

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity?.type }, 'bot turn failed');
    if (context.activity?.type !== 'message') return;
    try {
      const locale = localeFromTag(context.activity.locale);
      await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: createNoticeCard(STRINGS[locale].error) }] });
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the failure');
    }
  };

  return async function handleMessages(req: Request, res: Response): Promise<void> {
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].slice(0, 5).join(', ');
      sendError(res, 400, 'invalid_activity', `Not a valid Bot Framework activity (check: ${fields}).`);
      return;
    }
    const activity = parsed.data as unknown as Activity;
    if (b.localMode && !isLoopbackUrl(activity.serviceUrl)) {
      // Without an app registration nothing is authenticated, so the bot must
      // never call out to an address someone else chose.
      logger.warn({ serviceUrl: activity.serviceUrl }, 'local mode: refused an activity whose serviceUrl is not loopback');
      sendError(res, 403, 'service_url_refused', 'Local mode (no MicrosoftAppId) only answers activities whose serviceUrl is a loopback address.');
      return;
    }
    const authHeader = String(req.headers.authorization ?? '');
    try {
      let refused: Exclude<TenantVerdict, { allowed: true }> | undefined;
      const invokeResponse = await adapter.processOne(authHeader, activity, async (context) => {
        // Checked once the adapter has authenticated the activity, and before
        // anything else sees it: a refused tenant is not answered, its team's
        // serviceUrl is not recorded, nothing is called.
        if (allowedTenants) {
          const verdict = checkActivityTenant(context.activity, allowedTenants);
          if (!verdict.allowed) {
            refused = verdict;
            return;
          }
        }
        await bot.run(context);
      });
      if (refused) {
        logger.warn({
          reason: refused.reason,
          tenantId: refused.reason === 'not-allowed' ? refused.tenantId : undefined,
          tenantIds: refused.reason === 'conflict' ? refused.tenantIds : undefined,
          activityType: activity.type, channelId: activity.channelId, allowedTenantIds: [...allowedTenants!],
        }, 'bot: refused an activity from a tenant that is not in ALLOWED_TENANT_IDS');
        sendError(res, 403, 'tenant_not_allowed', tenantRefusalMessage(refused), refused.reason === 'not-allowed' ? { tenantId: refused.tenantId } : undefined);
        return;
      }
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body !== undefined) {
        // Replies (expectReplies) and invoke results are plain JSON: written
        // directly rather than through restify's formatter chain, the cards'
        // cached parts as their ready-made bytes.
        const { parts, byteLength } = jsonParts(invokeResponse.body);
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': byteLength });
        // Piece by piece, corked: one write to the socket, and no buffer of the whole reply built first.
        res.cork();
        for (const part of parts) res.write(part);
        res.end();
      } else {
        res.writeHead(status);
        res.end();
      }
    } catch (err) {
      const failure = authenticationFailure(err);
      if (failure === 'unauthorized') {
        logger.warn({ err: (err as Error).message }, 'bot request refused: not authenticated');
        sendError(res, 401, 'unauthorized', 'The request is not authenticated for this bot.');
        return;
      }
      if (failure === 'unavailable') {
        logger.error({ err }, 'bot request: the Bot Framework signing keys could not be fetched');
        sendError(res, 503, 'auth_unavailable', 'The request could not be authenticated right now. Please try again shortly.');
        return;
      }
      logger.error({ err }, 'bot request failed');
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'The bot could not process this activity.');
    }
  };
}

/**
 * Why the Bot Framework refused a request, if it did: botframework-connector
 * throws AuthenticationError for a missing, unknown or expired key, passes
 * jsonwebtoken's own errors through for a bad signature or claim, and
 * node-fetch's FetchError when it cannot fetch the signing keys at all.
 */
export function authenticationFailure(err: unknown): 'unauthorized' | 'unavailable' | undefined {
  if (err instanceof AuthenticationError) return 'unauthorized';
  const name = (err as Error | undefined)?.name;
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return 'unauthorized';
  if (name === 'FetchError') return 'unavailable';
  return undefined;
}
