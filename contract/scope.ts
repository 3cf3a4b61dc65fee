/**
 * Whose assessment it is. In URLs a scope is `personal` (the caller's own) or
 * `channel:<teamId>:<channelId>`; the server keys every stored row by the
 * caller's tenant plus the resolved scope, so the same team and channel IDs
 * in another tenant name a different assessment.
 */

/** Teams thread IDs look like `19:abc…@thread.tacv2`; keep generous room but a bound. */
const ID_MAX = 256;
const ID_CHARS = /^[\x21-\x7e]+$/;

export type RequestedScope =
  | { kind: 'personal' }
  | { kind: 'channel'; teamId: string; channelId: string };

/**
 * Parses the `:scope` path segment (already URL-decoded). Teams IDs contain
 * one colon themselves (`19:…@thread.tacv2`), so after `channel:` there are
 * either two parts (`team:channel`) or four (`19:a@thread.tacv2:19:b@thread.tacv2`);
 * anything else is ambiguous and refused.
 */
export function parseScope(raw: string): RequestedScope | undefined {
  if (raw === 'personal') return { kind: 'personal' };
  if (!raw.startsWith('channel:')) return undefined;
  const parts = raw.slice('channel:'.length).split(':');
  let teamId: string;
  let channelId: string;
  // `channel:19:a@thread.tacv2` is one Teams ID with no channel, not team "19".
  if (parts.length === 2 && !/^\d+$/.test(parts[0])) [teamId, channelId] = parts;
  else if (parts.length === 4 && parts.every((p) => p.length > 0)) [teamId, channelId] = [`${parts[0]}:${parts[1]}`, `${parts[2]}:${parts[3]}`];
  else return undefined;
  if (!validId(teamId) || !validId(channelId)) return undefined;
  return { kind: 'channel', teamId, channelId };
}

function validId(id: string): boolean {
  return id.length > 0 && id.length <= ID_MAX && ID_CHARS.test(id);
}

export function personalScope(userId: string): string {
  return `personal:${userId}`;
}

/** The stored scope of a channel's shared assessment (what the bot passes to getItemStatus). */
export function channelScope(teamId: string, channelId: string): string {
  return `channel:${teamId}:${channelId}`;
}

/** The URL form of a requested scope (what the API echoes back). */
export function formatRequestedScope(scope: RequestedScope): string {
  return scope.kind === 'personal' ? 'personal' : channelScope(scope.teamId, scope.channelId);
}

/** The scope the tab works on: its channel's shared assessment, or the user's own. */
export function scopeForContext(context: { teamId?: string; channelId?: string } | null | undefined): string {
  return context?.teamId && context.channelId ? channelScope(context.teamId, context.channelId) : 'personal';
}
