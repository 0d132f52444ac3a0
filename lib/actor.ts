// Pure: who is acting. Every domain function takes the acting user first, so the same function serves server
// actions, scripts and tests.
import type { ApiGrant } from '@/lib/api/scope';
import type { Role } from '@/lib/generated/prisma/enums';

export interface Actor {
  userId: number | null;
  username: string;
  roles: Role[];
  unitId: number | null;
  sessionId: string | null;
  ip: string | null;
  /** Set for a call to /api/v1: the client system and its scopes (lib/api/scope.ts). Such an actor has no user. */
  api?: ApiGrant;
}

/** A command-line tool or start-up step run by whoever operates the server (not a signed-in user). */
export function systemActor(task: string): Actor {
  return { userId: null, username: `system:${task}`, roles: [], unitId: null, sessionId: null, ip: null };
}

export function isSystemActor(actor: Actor): boolean {
  return actor.userId === null && actor.username.startsWith('system:');
}

/** An API client acting through /api/v1: no user, no roles; its scopes decide (lib/api/scope.ts). */
export function apiActor(grant: ApiGrant, ip: string | null): Actor {
  return { userId: null, username: `api:${grant.clientName}`, roles: [], unitId: null, sessionId: null, ip, api: grant };
}
