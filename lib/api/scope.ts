// Pure: what an API client may do. A client is a new kind of viewer: the permission module asks here when the actor
// is an API client (lib/permissions.ts), so the domain queries and mutations check it like any user's rights.
import type { Action } from '@/lib/permissions';

export const apiScopes = ['read', 'report', 'registry'] as const;
export type ApiScope = (typeof apiScopes)[number];

export interface ApiGrant {
  clientId: number;
  clientName: string;
  scopes: readonly ApiScope[];
  /** Reporter units the client may report for. */
  unitIds: readonly number[];
  /** Indicators the client may report. */
  indicatorIds: readonly number[];
}

/** Read: the plan, approved figures, task progress, published bulletins, the registry (every firm). */
const readActions = new Set<Action>(['dashboard.view', 'registry.view', 'registry.viewAll', 'bulletin.viewPublished', 'ranking.view']);
/** Report: save and submit figures of the listed units, into the bureau's review queue. */
const reportActions = new Set<Action>(['figure.enter', 'figure.submit']);
const registryActions = new Set<Action>(['registry.import']);

export function apiCan(grant: ApiGrant, action: Action, context: { unitId?: number | null } = {}): boolean {
  if (readActions.has(action)) return grant.scopes.includes('read');
  if (reportActions.has(action)) {
    return grant.scopes.includes('report') && context.unitId != null && grant.unitIds.includes(context.unitId);
  }
  if (registryActions.has(action)) return grant.scopes.includes('registry');
  return false;
}

export function mayReportIndicator(grant: ApiGrant, indicatorId: number): boolean {
  return grant.scopes.includes('report') && grant.indicatorIds.includes(indicatorId);
}
