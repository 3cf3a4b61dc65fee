/**
 * The bot's own credentials for calling the Bot Connector (roster API), from
 * the same MicrosoftApp* settings the CloudAdapter uses. botbuilder stays here.
 */
import { JwtTokenProviderFactory, ManagedIdentityAppCredentials, MicrosoftAppCredentials } from 'botframework-connector';
import type { Config } from '../config';
import { RenewingFederatedAppCredentials } from './federatedCredentials';

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export function createBotCredentials(bot: Config['bot']): MicrosoftAppCredentials | ManagedIdentityAppCredentials | RenewingFederatedAppCredentials | undefined {
  if (bot.localMode || !bot.appId) return undefined;
  if (bot.appType === 'SingleTenant' && bot.managedIdentityClientId && bot.tenantId) {
    return new RenewingFederatedAppCredentials({ appId: bot.appId, managedIdentityClientId: bot.managedIdentityClientId, tenantId: bot.tenantId }, BOT_FRAMEWORK_SCOPE);
  }
  if (bot.appType === 'UserAssignedMSI') {
    return new ManagedIdentityAppCredentials(bot.appId, BOT_FRAMEWORK_SCOPE, new JwtTokenProviderFactory());
  }
  return new MicrosoftAppCredentials(bot.appId, bot.appPassword ?? '', bot.appType === 'SingleTenant' ? bot.tenantId : undefined);
}
