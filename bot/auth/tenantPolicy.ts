/**
 * Which Microsoft 365 tenants this deployment serves (ALLOWED_TENANT_IDS),
 * applied to the bot's activities as the assessment API applies it to SSO
 * tokens. Sign-in audience settings of an app registration are no substitute
 * for checking the tenant in code: an authenticated Teams activity can come
 * from any tenant where someone installed the app.
 */

/** The parts of a Bot Framework activity that name its tenant (botbuilder's Activity fits). */
export interface TenantCarrier {
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
}

export type TenantVerdict =
  | { allowed: true; tenantId: string }
  | { allowed: false; reason: 'no-tenant' }
  | { allowed: false; reason: 'not-allowed'; tenantId: string }
  /** channelData and conversation name different tenants: trust neither. */
  | { allowed: false; reason: 'conflict'; tenantIds: string[] };

/** The tenants an activity names, lower-case and without repeats. */
export function activityTenants(activity: TenantCarrier): string[] {
  const named = [activity.channelData?.tenant?.id, activity.conversation?.tenantId]
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map((t) => t.trim().toLowerCase());
  return [...new Set(named)];
}

export function checkActivityTenant(activity: TenantCarrier, allowedTenantIds: ReadonlySet<string>): TenantVerdict {
  const tenants = activityTenants(activity);
  if (tenants.length === 0) return { allowed: false, reason: 'no-tenant' };
  if (tenants.length > 1) return { allowed: false, reason: 'conflict', tenantIds: tenants };
  const [tenantId] = tenants;
  return allowedTenantIds.has(tenantId) ? { allowed: true, tenantId } : { allowed: false, reason: 'not-allowed', tenantId };
}

/** What the refusal says: which tenant, and which setting to change. */
export function tenantRefusalMessage(verdict: Exclude<TenantVerdict, { allowed: true }>): string {
  switch (verdict.reason) {
    case 'no-tenant':
      return 'The activity names no Microsoft 365 tenant (channelData.tenant.id or conversation.tenantId); this bot answers only activities from the tenants in its ALLOWED_TENANT_IDS setting.';
    case 'conflict':
      return `The activity names two different tenants (${verdict.tenantIds.join(', ')}); this bot answers only activities from one tenant in its ALLOWED_TENANT_IDS setting.`;
    default:
      return `Tenant ${verdict.tenantId} is not allowed to use this bot: it answers only the tenants in its ALLOWED_TENANT_IDS setting. `
        + `If this is your organisation's Microsoft 365 tenant, the administrator adds ${verdict.tenantId} to ALLOWED_TENANT_IDS (see docs/deployment.md).`;
  }
}
