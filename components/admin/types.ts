// What the admin forms share: the action signature and the security policy's fields.
import type { ActionState } from '@/lib/actions/action-state';

export type FormAction<T = void> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** The fields of the security policy form, in the order shown. */
export const policyFields = ['minLength', 'minClasses', 'expiryDays', 'historyCount', 'lockoutThreshold', 'lockoutMinutes', 'idleMinutes', 'absoluteHours'] as const;
export type PolicyField = (typeof policyFields)[number];
