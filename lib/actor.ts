// Pure: who is acting. Every domain function takes the acting user first, so the same function serves server
// actions, scripts and tests.
import type { Role } from '@/lib/generated/prisma/enums';

export interface Actor {
  userId: number | null;
  username: string;
  roles: Role[];
  unitId: number | null;
  sessionId: string | null;
  ip: string | null;
}

/** A command-line tool or start-up step run by whoever operates the server (not a signed-in user). */
export function systemActor(task: string): Actor {
  return { userId: null, username: `system:${task}`, roles: [], unitId: null, sessionId: null, ip: null };
}

export function isSystemActor(actor: Actor): boolean {
  return actor.userId === null && actor.username.startsWith('system:');
}
