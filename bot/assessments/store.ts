/**
 * Where assessments live. Two implementations behind one interface: SQLite
 * (one instance, the default) and PostgreSQL (several instances behind a load
 * balancer). Both pass test/assessments/storeContract.ts.
 *
 * Guarantees every implementation keeps:
 * - every row is keyed by (tenantId, scope, edition); nothing reads across tenants;
 * - a write names the version it read; a stale version changes nothing and
 *   returns the current state (optimistic concurrency, one transaction);
 * - each change appends one history entry with field-level before/after;
 *   history rows are never updated or deleted (the schema refuses it);
 * - a write is durable when the promise resolves.
 */
import type { Actor, AssessmentStatus, EditableState, HistoryEntry, ItemChange, ItemState } from './model';

/**
 * One assessment: a tenant, a scope within it (`personal:<userId>` or
 * `channel:<teamId>:<channelId>`), and the guideline edition whose items it
 * assesses. Item IDs are that edition's.
 */
export interface ScopeKey {
  tenantId: string;
  scope: string;
  edition: string;
}

export type PutResult =
  | { ok: true; state: ItemState; changed: boolean }
  | { ok: false; current: ItemState };

export interface ImportEntry {
  itemId: string;
  state: EditableState;
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** What the bot's answer card shows for an item in a channel with an assessment. */
export interface ItemStatusSummary {
  status: AssessmentStatus;
  owner: string | null;
  version: number;
  updatedAt: string | null;
}

/**
 * Where the bot can reach a team's roster: the Bot Connector service URL it
 * last saw in an (authenticated) activity from that team. Kept in the store
 * so every instance of a scaled-out deployment knows it.
 */
export interface TeamServiceUrls {
  saveTeamServiceUrl(tenantId: string, teamId: string, serviceUrl: string): Promise<void>;
  getTeamServiceUrl(tenantId: string, teamId: string): Promise<string | undefined>;
}

export interface AssessmentStore extends TeamServiceUrls {
  readonly kind: 'sqlite' | 'postgres';

  /** Every item with a state (version ≥ 1), by item ID. */
  getAssessment(key: ScopeKey): Promise<Map<string, ItemState>>;

  /** One item's state; UNCHECKED (version 0) when it has none. */
  getItemState(key: ScopeKey, itemId: string): Promise<ItemState>;

  /** For the bot's card: undefined when the item has no state in that scope. */
  getItemStatus(key: ScopeKey, itemId: string): Promise<ItemStatusSummary | undefined>;

  /**
   * Applies `change` if the item is still at `expectedVersion` (0 = no state
   * yet). A change that alters nothing succeeds without a new version.
   */
  putItem(key: ScopeKey, itemId: string, change: ItemChange, expectedVersion: number, actor: Actor): Promise<PutResult>;

  /** Oldest first. */
  getHistory(key: ScopeKey, itemId: string): Promise<HistoryEntry[]>;

  /**
   * Sets every listed item to the given state in one transaction (all or
   * nothing). Items not listed are left alone; each changed item gets a new
   * version and an `import` history entry.
   */
  importItems(key: ScopeKey, entries: ImportEntry[], actor: Actor): Promise<ImportCounts>;

  close(): Promise<void>;
}
