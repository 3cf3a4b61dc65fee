/**
 * Who may open which assessment: the authorisation policy, without HTTP.
 * `personal` is the caller's own; a channel's assessment is for members of
 * its team (with an app registration; local mode has one local user). Every
 * answer is keyed by the caller's own tenant, so no request reaches another
 * tenant's rows.
 */
import type { Logger } from 'pino';
import { channelScope, personalScope, type RequestedScope } from '../../contract/scope';
import { AppError } from '../errors';
import type { Caller } from '../auth/ssoToken';
import type { TeamMembership } from '../auth/teamMembership';

export interface AccessPolicy {
  /** The stored scope the caller may use for `requested`, or an AppError saying why not. */
  scopeFor(caller: Caller, requested: RequestedScope): Promise<{ tenantId: string; scope: string }>;
}

export function createAccessPolicy(options: { mode: 'local' | 'sso'; membership?: TeamMembership; logger: Logger }): AccessPolicy {
  const { mode, membership, logger } = options;
  return {
    async scopeFor(caller, requested) {
      if (requested.kind === 'personal') return { tenantId: caller.tenantId, scope: personalScope(caller.userId) };
      if (mode === 'sso') {
        if (!membership) {
          throw new AppError(503, 'membership_unavailable', 'Channel assessments need the bot (MicrosoftAppId) to check team membership, and it is not configured.');
        }
        let result;
        try {
          result = await membership.check(caller.tenantId, requested.teamId, caller.userId);
        } catch (err) {
          logger.error({ err, teamId: requested.teamId }, 'team roster lookup failed');
          throw new AppError(503, 'membership_unavailable', 'Team membership could not be checked right now. Please try again shortly.');
        }
        if (result === 'team-unknown') {
          throw new AppError(403, 'team_not_registered', 'This team is not known to the bot. Add the app to the team (or post a message to the bot there), then try again.');
        }
        if (result === 'not-member') {
          throw new AppError(403, 'not_team_member', 'Only members of this team can open its channel\'s assessment.');
        }
      }
      return { tenantId: caller.tenantId, scope: channelScope(requested.teamId, requested.channelId) };
    },
  };
}
