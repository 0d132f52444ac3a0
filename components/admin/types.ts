// What the admin components are given: plain data shaped by the pages (components never read the database).
import type { ActionState } from '@/lib/actions/action-state';

export interface AdminUserRow {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  unitId: number | null;
  unitName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  lastSignInAt: string | null;
  openSessions: number;
  isDemo: boolean;
  version: number;
}

export type FormAction<T = void> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** The fields of the security policy form, in the order shown. */
export const policyFields = ['minLength', 'minClasses', 'expiryDays', 'historyCount', 'lockoutThreshold', 'lockoutMinutes', 'idleMinutes', 'absoluteHours'] as const;
export type PolicyField = (typeof policyFields)[number];
